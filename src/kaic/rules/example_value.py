"""A metadata value is copied from the instructions' fictional example.

instructions.md fills its example with Yoyodyne's Turbo Encabulator on
yoyo.dyne; such values in a real submission were copied and not replaced.

Fails: `vendorName: Yoyodyne`, `repoUrl: https://github.com/yoyo.dyne/turbo-encabulator`.
Passes: the platform's own values.
"""

import re
from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "example-value"
SEVERITY = Severity.ERROR
HINT = "Replace the example's values with your product's own."
EXAMPLE = re.compile(r"yoyodyne|turbo[\s_-]*encabulator|yoyo\.dyne", re.I)


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for field in sub.metadata.values():
        if isinstance(field.value, str) and EXAMPLE.search(field.value):
            yield Hit(f"metadata field {field.name} holds the instructions' example value: {field.value.strip()}", field.line)
