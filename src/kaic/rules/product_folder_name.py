"""The product folder's name has characters other than ASCII letters, digits, `.`, `_` and `-`.

Folder names end up in URLs, shell commands, file names and reports of every tool
that reads the repository; spaces, non-ASCII or non-UTF-8 letters, quotes or
`$(...)` break some of them. The submission is still loaded and checked.

Fails (warning): `v1.97/acme cloud/PRODUCT.yaml`, `v1.97/$(id)/PRODUCT.yaml`.
Passes: `v1.97/acme-cloud/PRODUCT.yaml`.
"""

import re
from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "product-folder-name"
SEVERITY = Severity.WARNING
HINT = "Rename the folder with ASCII letters, digits, '.', '_' and '-' only (e.g. acme-cloud)."
SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if sub.product and not SAFE.match(sub.product):
        yield Hit(f"product folder name '{_shown(sub.product)}' has characters other than "
                  "A-Z a-z 0-9 . _ -", 1)


def _shown(name: str) -> str:
    """The name readable on one line: undecodable bytes as \\xNN, control characters escaped."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
