"""`kaic precommit FILE...`: validate, offline, the product folders of the staged files.

The pre-commit hook `kaic-validate` (.pre-commit-hooks.yaml) calls it with the staged
files under `vX.Y/<product>/`; every folder they belong to is validated as a whole.
"""

from __future__ import annotations

import re
from typing import Annotated

import typer

from . import app
from ._common import emit, fail, load_or_fail, say, use_color

PRODUCT_FOLDER = re.compile(r"^(v\d+\.\d+/[^/]+)/")


def product_folders(files: list[str]) -> list[str]:
    """`v1.35/acme` for `v1.35/acme/e2e.log` and `./v1.35/acme/PRODUCT.yaml`, once each, in order."""
    folders: list[str] = []
    for name in files:
        path = name.replace("\\", "/")
        while path.startswith("./"):
            path = path[2:]
        m = PRODUCT_FOLDER.match(path)
        if m and m.group(1) not in folders:
            folders.append(m.group(1))
    return folders


@app.command("precommit")
def precommit_cmd(
    files: Annotated[list[str] | None, typer.Argument(help="Staged files (pre-commit passes them).")] = None,
) -> None:
    """Validate (offline) every product folder holding one of FILES; for the pre-commit hook.

    Exit 0: no error; 1: an error finding, or a folder without PRODUCT.yaml; 2: usage error.
    """
    from ..config import ConfigError, load_config
    from ..formats import FORMATS
    from ..lint import validate

    folders = product_folders(files or [])
    if not folders:
        return
    src, state = load_or_fail(".", None)  # the working tree pre-commit runs in: never a download
    try:
        cfg = load_config(src)
    except ConfigError as exc:
        fail(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""))
    chosen = tuple(s for s in state.submissions if s.folder in folders)
    orphans = [f for f in folders if not any(s.folder == f for s in chosen)]
    result = validate(state, cfg, chosen)
    color = use_color()
    emit(FORMATS["text"](result, color=color), None, styled=color)
    for folder in orphans:
        say(f"{folder}/: staged files but no {folder}/PRODUCT.yaml (every product folder needs one)", error=True)
    raise typer.Exit(1 if result.failed or orphans else 0)
