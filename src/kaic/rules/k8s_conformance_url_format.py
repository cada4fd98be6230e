"""`k8sConformanceUrl` does not point at a cncf/k8s-conformance submission folder.

The expected form is
`https://github.com/cncf/k8s-conformance/tree/(master|main)/vX.Y/<name>`.

Fails: `https://github.com/cncf/k8s-conformance/pull/1234`.
Passes: `https://github.com/cncf/k8s-conformance/tree/master/v1.35/acme`.
"""

import re
from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "k8s-conformance-url-format"
SEVERITY = Severity.ERROR
HINT = "Link the product's folder in cncf/k8s-conformance: .../tree/master/vX.Y/<name>."
PATTERN = re.compile(r"^https://github\.com/cncf/k8s-conformance/tree/(master|main)/v\d+\.\d+/[^/\s]+/?$")


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    field = sub.metadata.get("k8sConformanceUrl")
    if field is None or not isinstance(field.value, str):
        return
    value = field.value.strip()
    if not value or value.startswith("["):
        return
    if not PATTERN.match(value):
        yield Hit(f"k8sConformanceUrl is not a k8s-conformance folder link: {value}", field.line,
                  facts=facts(value=field.value))
