"""`kubernetesVersion`'s major.minor differs from the version folder.

A patch version (`v1.35.3`) is fine for this rule (see `kubernetes-version-format`).

Fails: `kubernetesVersion: v1.33` in `v1.34/acme/PRODUCT.yaml`.
Passes: `kubernetesVersion: v1.34` there.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import VERSION_RE, Context, Hit, Severity

ID = "version-mismatch"
SEVERITY = Severity.ERROR
HINT = "Submit in the folder of the version you certify, and make kubernetesVersion match it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    field = sub.metadata.get("kubernetesVersion")
    if field is None or not sub.version:
        return
    value = str(field.value).strip() if field.value is not None else ""
    if not value or value.startswith("["):
        return
    m = VERSION_RE.match(value)
    if m is None:
        yield Hit(f"kubernetesVersion {value!r} is not a version", field.line)
    elif f"{int(m.group(1))}.{int(m.group(2))}" != sub.version:
        yield Hit(f"kubernetesVersion {value} does not match folder v{sub.version}", field.line)
