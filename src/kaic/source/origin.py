"""A source as it may be shown in a published file: an origin URL without credentials,
never a local absolute path."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_SCP = re.compile(r"^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!//)([^\s]+)$")  # git@github.com:owner/repo.git


def strip_credentials(url: str) -> str:
    """`https://user:token@host/x?token=y` -> `https://host/x` (query and fragment dropped too)."""
    if _URL.match(url):
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        if parts.scheme == "file":
            return Path(parts.path).name or "file"
        return urlunsplit((parts.scheme, host, parts.path, "", ""))
    m = _SCP.match(url)
    if m:
        return f"{m.group(1)}:{m.group(2)}"
    return url


@cache
def _remote_url(folder: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", folder, "config", "--get", "remote.origin.url"],
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    url = done.stdout.strip()
    return url or None


def public_origin(location: str, kind: str = "") -> str:
    """What to print for a source in a header: "sample", a URL (credentials removed), the
    folder's git origin URL, else only the folder's name."""
    if not location:
        return ""
    if kind == "sample" or location == "sample":
        return "sample"
    if _URL.match(location) or _SCP.match(location):
        return strip_credentials(location)
    path = Path(location)
    if path.is_dir():
        remote = _remote_url(str(path))
        if remote and not remote.startswith(("/", ".", "file:")):
            return strip_credentials(remote)
    return path.name or location
