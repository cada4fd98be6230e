"""`kaic cache info|clear`: kaic's result cache in the user cache folder."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app


@app.command("cache")
def cache_cmd(
    action: Annotated[str, typer.Argument(help="info: where the cache is and what it holds; clear: empty it.")] = "info",
) -> None:
    """Show or empty kaic's result cache (parsed files, component analyses, per-commit
    history figures, compiled templates, charts). Cached source clones are kept.
    Exit 0; 2: unknown action."""
    from .. import cache
    from ._common import fail

    store = cache.default_store()
    if action == "info":
        info = store.info()
        typer.echo(f"database: {info.location}")
        typer.echo(f"entries: {info.entries}")
        typer.echo(f"size: {info.bytes / 1024 / 1024:.1f} MB of at most {info.max_bytes / 1024 / 1024:.0f} MB "
                   "(KAIC_CACHE_MAX_MB)")
        for namespace, count in info.namespaces.items():
            typer.echo(f"  {namespace}: {count}")
        if cache.disabled_by_environment():
            typer.echo("in use: no (KAIC_NO_CACHE is set)")
        store.close()
    elif action == "clear":
        typer.echo(f"kaic: removed {store.clear()} cache entries from {store.path}")
    else:
        fail(f"unknown action {action!r}", "use: kaic cache info | kaic cache clear")
