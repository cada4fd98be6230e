"""The local checkout that writing commands (init, fix, render) work in."""

from __future__ import annotations

from pathlib import Path

from ..source import DirectorySource, SourceError, open_source
from ._common import fail


def checkout_or_fail(source: str | None) -> DirectorySource:
    """A folder holding the repository; never the bundled sample, a bundle or a URL."""
    spec = source or "."
    if spec == "sample" or not Path(spec).expanduser().is_dir():
        fail(f"{spec} is not a folder kaic can write in",
             "run it inside a checkout of cncf/k8s-ai-conformance or pass --source DIR")
    try:
        src = open_source(str(Path(spec).expanduser()))
    except SourceError as exc:
        fail(exc.message, exc.hint)
    if not isinstance(src, DirectorySource):
        fail(f"{spec} is not a checkout kaic can write in", "pass the folder of a checkout with --source")
    return src
