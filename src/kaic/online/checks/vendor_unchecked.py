"""(online) The CNCF member list could not be read, so `vendorName` was not checked.

kaic fetches the landscape's landscape.yml (cached) or reads the file given with
`--landscape`; when neither works, this warning says why instead of failing the run.

Fails (warning): the landscape could not be fetched (network down, time budget spent).
Passes: the member list was read.
"""

from collections.abc import Iterator

from ...model import Submission
from ...rules import Hit, Severity
from ._api import Facts

ID = "vendor-unchecked"
SEVERITY = Severity.WARNING
HINT = "Check vendorName against the CNCF Landscape by hand, or pass --landscape FILE."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    field = sub.metadata.get("vendorName")
    if facts.members is not None or field is None or not field.text.strip():
        return
    yield Hit(f"vendorName was not checked against the CNCF members: {facts.members_error}", field.line)
