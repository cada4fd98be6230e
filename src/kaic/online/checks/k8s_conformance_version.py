"""(online) `k8sConformanceUrl` names another Kubernetes version than the submission's folder.

Upstream's validator does not compare them (it accepts an older certification); kaic
warns, because the AI conformance of vX.Y is meant for a product certified for vX.Y.

Fails (warning): `v1.35/acme/PRODUCT.yaml` with `.../tree/master/v1.33/acme`.
Passes: `v1.35/acme/PRODUCT.yaml` with `.../tree/master/v1.35/acme`.
"""

from collections.abc import Iterator

from ...model import Submission, version_key
from ...rules import Hit, Severity
from ..conformance import conformance_target
from ._api import Facts

ID = "k8s-conformance-version"
SEVERITY = Severity.WARNING
HINT = "Link the product's Kubernetes conformance for the same version as the submission."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    field = sub.metadata.get("k8sConformanceUrl")
    if field is None or not sub.version:
        return
    target = conformance_target(field.text)
    if target is None or target[0] == sub.version:
        return
    older = version_key(target[0]) < version_key(sub.version)
    yield Hit(f"k8sConformanceUrl is for v{target[0]}, {'older' if older else 'newer'} than the "
              f"submission's v{sub.version}", field.line)
