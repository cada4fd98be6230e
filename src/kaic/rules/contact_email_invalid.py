"""`contactEmailAddress` is not an email address.

Fails: `contactEmailAddress: ai-team at example.com`, `mailto:ai-team@example.com`.
Passes: `contactEmailAddress: ai-team@example.com`.
"""

import re
from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "contact-email-invalid"
SEVERITY = Severity.WARNING
HINT = "Give one reachable address, e.g. team@example.com."
EMAIL = re.compile(r"^[^@\s,;<>]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    field = sub.metadata.get("contactEmailAddress")
    if field is None or not isinstance(field.value, str):
        return
    value = field.value.strip()
    if value and not value.startswith("[") and not EMAIL.match(value):
        yield Hit(f"contactEmailAddress is not an email address: {value}", field.line)
