"""`kaic render [--check] [--out DIR]`: PRODUCT.md per submission, AIConformance-X.Y.md per checklist."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..source import DirectorySource, SourceError
from . import app
from ._checkout import checkout_or_fail
from ._common import RefOpt, SourceOpt, fail, load_or_fail, note, plural, say


@app.command("render")
def render_cmd(
    source: SourceOpt = None,
    ref: RefOpt = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if a committed rendering is missing or differs.")] = False,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the renderings under this folder instead of the checkout.")] = None,
) -> None:
    """Render submissions and checklists as Markdown beside their YAML (or under --out)."""
    from ..load import load_state
    from ..render import drift, renderings
    from ..safe_write import write_file

    if check or out is not None:
        src, state = load_or_fail(source, ref)
    else:  # writing beside the YAML: only into a checkout folder, never a clone kaic made
        if ref is not None:
            fail("--ref applies to --check or --out only", "kaic render writes into the checkout as it is")
        src = checkout_or_fail(source)
        try:
            state = load_state(src)
        except SourceError as exc:
            fail(exc.message, exc.hint)
    rendered = renderings(state)
    if check:
        found = drift(state, rendered)
        for d in found:
            say(f"{d.path}: {d.reason}")
        say(f"{len(rendered) - len(found)} of {len(rendered)} renderings up to date"
            + ("; run kaic render" if found else ""))
        raise typer.Exit(1 if found else 0)
    if out is None:
        assert isinstance(src, DirectorySource)
        root = src.root
    else:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"cannot create {out}: {exc.strerror or exc}")
        root = out.resolve()
    written = 0
    for path, text in rendered.items():
        try:
            write_file(root, path, text.encode("utf-8"), replace=True)
        except OSError as exc:
            say(f"kaic: {path}: not written: {exc}")
            continue
        written += 1
    note(f"{written} of {plural(len(rendered), 'rendering')} written under {root}")
    if written < len(rendered):
        raise typer.Exit(1)
