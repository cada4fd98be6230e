"""A version written in a command that installs through a wrapper (an app catalog, a
pack, a bundle: the catalog's `packaging` cues) is the wrapper's, never the project's."""

from __future__ import annotations

from kaic.components.catalog import load_catalog
from kaic.components.detect import detect
from kaic.components.localfiles import LocalFile
from kaic.model import parse_submission

PRODUCT = b"""metadata:
  vendorName: Acme
spec:
  operators:
    - id: robust_controller
      level: MUST
      status: Implemented
      evidence: ["README.md"]
      notes: ""
"""

README = """# Install

```sh
acme template app \\
  --catalog acme \\
  --name kuberay-operator \\
  --version 1.0.0 \\
  --organization $ORG
```

```sh
helm install kueue oci://registry.k8s.io/kueue/charts/kueue \\
  --version 0.14.2
```
"""


def test_a_wrappers_version_is_its_own() -> None:
    sub = parse_submission("v9.9/acme/PRODUCT.yaml", PRODUCT)
    files = {"v9.9/acme/README.md": LocalFile("v9.9/acme/README.md", len(README), "text", README)}
    det = detect(sub, load_catalog(), files)
    versions = {c.name: c.version for c in det.components}
    assert versions["KubeRay"] is None  # "--catalog acme ... --version 1.0.0": the app catalog's
    assert versions["Kueue"] == "0.14.2"  # the upstream chart's own version
    cues = {p["cue"] for p in load_catalog().data["packaging"]}
    assert "--catalog" in cues
