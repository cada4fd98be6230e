"""A metadata value is still the template's `[...]` placeholder.

Fails: `websiteUrl: "[Website URL]"`.
Passes: `websiteUrl: https://example.com/product`.
"""

import re
from collections.abc import Iterator

from ..model import Submission, upstream_reads
from ._api import Context, Hit, Severity, facts

ID = "metadata-placeholder"
SEVERITY = Severity.ERROR
HINT = "Replace the bracketed placeholder with the real value."
_PLACEHOLDER = re.compile(r"^\s*\[[^\]]*\]\s*$")


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for field in sub.metadata.values():
        if isinstance(field.value, str) and _PLACEHOLDER.match(field.value):
            # upstream reads only its own fields, and does not trim
            exact = upstream_reads(field) and field.value.startswith("[") and field.value.endswith("]")
            yield Hit(f"metadata field {field.name} is a placeholder: {field.value.strip()}", field.line,
                      upstream_fails=exact, facts=facts(field=field.name, value=field.value))
