"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from ..channels import terminal
from ..load import RepoState, load_state
from ..safe_write import write_file
from ..source import Source, SourceError, open_source

SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source",
        "-s",
        help="A folder, git repository, bundle file, URL, or 'sample'. "
        "Default: the current folder if it is the repository, else a cached clone of upstream.",
    ),
]
RefOpt = Annotated[
    str | None, typer.Option("--ref", "-r", help="Commit, branch or tag (git sources). Default: HEAD.")
]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")]

NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Compute everything afresh: neither read nor write kaic's result cache "
                 "(also KAIC_NO_CACHE=1)."),
]

EXIT_USAGE = 2


@contextmanager
def result_cache(no_cache: bool) -> Iterator[None]:
    """kaic's result cache (in the user cache folder) in use for one command, unless
    `--no-cache` or KAIC_NO_CACHE says otherwise; bounded (evicted) at the end."""
    from .. import cache

    store = None if no_cache or cache.disabled_by_environment() else cache.default_store()
    cache.use(store)
    try:
        yield
    finally:
        cache.use(None)
        if store is not None:
            store.close()


def fail(message: str, hint: str = "") -> NoReturn:
    say(f"kaic: error: {message}", error=True)
    if hint:
        say(f"hint: {hint}")
    raise typer.Exit(EXIT_USAGE)


def say(message: str, *, error: bool = False) -> None:
    """A message to stderr (in red when `error`), made safe for a terminal."""
    typer.secho(terminal(message), fg=typer.colors.RED if error else None, err=True)


def open_or_fail(source: str | None, ref: str | None, *, quiet: bool = False) -> Source:
    """The source, named on stderr unless `quiet` (machine output that records its source)."""
    try:
        src = open_source(source, ref)
    except SourceError as exc:
        fail(exc.message, exc.hint)
    if not quiet:
        announce(src)
    return src


def announce(src: Source) -> None:
    """Say on stderr which source and commit a command reads (and when a cached clone is old)."""
    info = src.info
    at = f" at {info.ref + ' = ' if info.ref and info.ref != info.commit else ''}{info.commit[:12]}" if info.commit else ""
    kind = {"directory": "folder", "git": "git", "sample": "bundled sample"}.get(info.kind, info.kind)
    say(f"kaic: reading {info.location} ({kind}{at})")
    stale = getattr(getattr(src, "repo", None), "stale", None)
    if stale:
        say(f"kaic: warning: {stale}")


def load_or_fail(source: str | None, ref: str | None, *, quiet: bool = False) -> tuple[Source, RepoState]:
    src = open_or_fail(source, ref, quiet=quiet)
    try:
        return src, load_state(src)
    except SourceError as exc:
        fail(exc.message, exc.hint)


def emit(text: str, out: Path | None, *, styled: bool = False) -> None:
    """Write `text` to `out`, or to stdout made safe for a terminal.

    `styled`: the formatter already made every field safe (`formats._util.one_line`) and
    added kaic's own colours, which are kept.
    """
    if out is None:
        text = text if text.endswith("\n") or not text else text + "\n"
        sys.stdout.write(text if styled else terminal(text))
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        # a new file renamed into place; a link or special file already there is refused
        write_file(out.parent, out.name, text.encode("utf-8", "surrogateescape"), replace=True)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}", "choose a writable --out path")


def emit_into(folder: Path, name: str, text: str) -> Path:
    """Write `text` as the file `name` directly inside `folder` (never elsewhere) and return it."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        fail(f"refusing to write {name!r}: not a plain file name", "this is a kaic bug; please report it")
    target = folder / name
    emit(text, target)
    return target
