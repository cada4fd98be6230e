"""`kubernetesVersion` is not written `vX.Y` (a patch version, or no leading v).

Certification is per minor version; `v1.35.3` is accepted but reads as a patch
release.

Fails (info): `kubernetesVersion: v1.35.3`, `kubernetesVersion: 1.35`.
Passes: `kubernetesVersion: v1.35`.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import VERSION_RE, Context, Hit, Severity

ID = "kubernetes-version-format"
SEVERITY = Severity.INFO
HINT = "Write the minor version the checklist uses, e.g. v1.35."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    field = sub.metadata.get("kubernetesVersion")
    if field is None or not isinstance(field.value, str):
        return
    value = field.value.strip()
    m = VERSION_RE.match(value)
    if m and (m.group(3) is not None or not value.startswith("v")):
        yield Hit(f"kubernetesVersion {value} is not in the vX.Y form", field.line)
