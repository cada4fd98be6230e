"""(online) `vendorName` is not the name of a CNCF member in the CNCF Landscape.

As upstream's validator: the trimmed vendorName must equal the name of an item in the
landscape category "CNCF Members" (a " (member)" or " (supporter)" suffix of the item's
name is ignored). kaic names the closest member names.

Fails: `vendorName: Acme Corp` when the member is listed as `Acme Corporation`.
Passes: `vendorName: Acme Corporation`.
"""

from collections.abc import Iterator

from ...model import Submission
from ...rules import Hit, Severity
from ...rules._api import facts as upstream_facts
from ._api import Facts

ID = "vendor-not-member"
SEVERITY = Severity.ERROR
HINT = "Write vendorName exactly as the CNCF Landscape lists the member (category CNCF Members)."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    field = sub.metadata.get("vendorName")
    if facts.members is None or field is None or not isinstance(field.value, str):
        return
    vendor = field.value.strip()
    if not vendor or vendor.startswith("[") or vendor in facts.members:
        return
    close = facts.members.closest(vendor)
    hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
    stale = f" (member list: {facts.members.origin}, {facts.members.stale})" if facts.members.stale else ""
    yield Hit(f"vendorName {vendor!r} is not a CNCF member in the CNCF Landscape{hint}{stale}", field.line,
              facts=upstream_facts(vendor=vendor))
