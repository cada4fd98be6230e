"""Reading a `k8sConformanceUrl`: which version folder and product of cncf/k8s-conformance it names."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..rules.k8s_conformance_url_format import PATTERN


def conformance_target(url: str) -> tuple[str, str] | None:
    """("1.35", "gke") for .../k8s-conformance/tree/master/v1.35/gke, None for another form."""
    url = url.strip()
    if not PATTERN.match(url):
        return None
    parts = urlsplit(url).path.strip("/").split("/")  # cncf k8s-conformance tree <branch> vX.Y name
    version, name = parts[4][1:], unquote(parts[5])
    return version, name


def local_folder(checkout: Path, version: str, name: str) -> Path | None:
    """The folder v<version>/<name> inside `checkout`, when the name is one plain segment."""
    if name in ("", ".", "..") or "/" in name or "\\" in name or "\0" in name:
        return None
    return checkout / f"v{version}" / name
