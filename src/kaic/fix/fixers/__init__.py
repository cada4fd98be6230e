"""Every fix, keyed by the id of the rule whose findings it removes, in the order they run.

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
    "evidence-not-a-list": wrap_string,  # before the two below: they work on lists
    "evidence-url-malformed": split_joined,
    "evidence-empty-string": drop_empty,
    "missing-category": add_categories,  # before missing-requirement: it brings whole categories
    "missing-requirement": add_requirements,
}
