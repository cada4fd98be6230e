"""(online) `k8sConformanceUrl` names a folder that does not exist in cncf/k8s-conformance.

With `--k8s-conformance DIR` (a local checkout of cncf/k8s-conformance) kaic looks for
`vX.Y/<name>` in it; without, the URL is requested online like every other link (a
missing folder then shows as `link-broken`).

Fails: `.../tree/master/v1.35/acme` when the checkout has no `v1.35/acme` folder.
Passes: the folder exists.
"""

from collections.abc import Iterator

from ...model import Submission
from ...rules import Hit, Severity
from ...rules._api import facts as upstream_facts
from ..conformance import conformance_target, local_folder
from ._api import Facts

ID = "k8s-conformance-missing"
SEVERITY = Severity.ERROR
HINT = "Link the product's folder in cncf/k8s-conformance as merged there (vX.Y/<name>)."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    field = sub.metadata.get("k8sConformanceUrl")
    if facts.k8s_conformance is None or field is None:
        return
    target = conformance_target(field.text)
    if target is None:
        return
    folder = local_folder(facts.k8s_conformance, *target)
    if folder is None or not folder.is_dir() or folder.is_symlink():
        yield Hit(f"k8sConformanceUrl names v{target[0]}/{target[1]}, which is not a folder of the "
                  f"k8s-conformance checkout", field.line, facts=upstream_facts(url=field.text.strip()))
