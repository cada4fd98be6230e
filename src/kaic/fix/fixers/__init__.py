"""Every fix, keyed by the id of the rule whose findings it removes.

All fixers see the same parse of a file; where two edits overlap, the one starting
earlier in the file is applied and the other is retried on the next pass. Insertions
at the same place keep the order of this table.

A fixer takes a `Document` and returns the edits that remove that rule's findings
without changing what the vendor meant; it never re-serialises the file. The rule
module says what its fix does in `FIX` (shown by `kaic rules`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document, Edit
from .evidence import drop_empty, split_joined, wrap_string
from .metadata import rename_keys
from .structure import add_categories, add_requirements
from .wording import normalise_status, restore_description, restore_level

Fixer = Callable[[Document], list[Edit]]

FIXERS: dict[str, Fixer] = {
    "metadata-key-style": rename_keys,
    "description-edited": restore_description,
    "level-edited": restore_level,
    "invalid-status": normalise_status,
    "evidence-not-a-list": wrap_string,  # the two below act on the list it makes, a pass later
    "evidence-url-malformed": split_joined,
    "evidence-empty-string": drop_empty,
    # both may insert at the end of the spec: the last category's requirements go first
    "missing-requirement": add_requirements,
    "missing-category": add_categories,
}
