"""`kaic fix [PATH...]`: apply the fixes that cannot change meaning, or show them with --diff."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..channels import terminal
from ..source import DirectorySource, Source, SourceError
from . import app
from ._checkout import checkout_or_fail
from ._common import fail, plural, say

if TYPE_CHECKING:
    from ..load import RepoState
    from ..model import Submission

DiffOpt = Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes; write nothing.")]


def run_fixes(src: DirectorySource, state: RepoState, chosen: tuple[Submission, ...],
              config_path: Path | None, diff: bool) -> bool:
    """Fix (or diff) the chosen submissions; messages go to stderr. False if one was refused."""
    from ..config import ConfigError, load_config
    from ..fix import fix_submissions, replace_atomically, unified_diff

    try:
        cfg = load_config(src, config_path)
    except ConfigError as exc:
        fail(str(exc))
    ok = True
    for result in fix_submissions(state, chosen, cfg):
        shown = _printable(result.path)
        if result.refused:
            ok = False
            say(f"kaic: {shown}: {result.refused}")
            continue
        if not result.changed:
            continue
        if diff:
            sys.stdout.write(terminal(unified_diff(shown, result.before, result.after)))
            continue
        try:
            replace_atomically(src.root, result.path, result.after)
        except OSError as exc:
            ok = False
            say(f"kaic: {shown}: not written: {exc}")
            continue
        say(f"fixed {shown}: {plural(len(result.applied), 'fix')}")
        for a in result.applied:
            say(f"  {a.rule}: {_printable(a.what)}")
    return ok


def refix_and_reload(src: Source, state: RepoState, chosen: tuple[Submission, ...],
                     config_path: Path | None, diff: bool) -> tuple[RepoState, tuple[Submission, ...]]:
    """`validate --fix`: fix the chosen files, then read the checkout again."""
    from ..load import load_state

    if not isinstance(src, DirectorySource) or src.info.kind != "directory":
        fail("--fix needs a checkout folder as the source", "run it inside a checkout or pass --source DIR")
    run_fixes(src, state, chosen, config_path, diff)
    if diff:
        return state, chosen
    fresh = load_state(DirectorySource(src.root, src.info))
    paths = {s.path for s in chosen}
    return fresh, tuple(s for s in fresh.submissions if s.path in paths)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def choose(src: DirectorySource, state: RepoState, paths: list[str] | None) -> tuple[Submission, ...]:
    if not paths:
        return state.submissions
    from ..select import by_paths

    try:
        chosen = tuple(by_paths(state, src, paths))
    except SourceError as exc:
        fail(exc.message, exc.hint)
    if not chosen:
        fail("no submission matches " + ", ".join(paths))
    return chosen


@app.command("fix")
def fix_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Submission files or folders (default: all).")] = None,
    source: Annotated[str | None, typer.Option("--source", "-s", help="The checkout to fix (default: here).")] = None,
    diff: DiffOpt = False,
    config: Annotated[Path | None, typer.Option("--config", help="A YAML rule configuration file.")] = None,
) -> None:
    """Apply the fixes that cannot change meaning (see `kaic rules`). Exit 1 if a file was left alone."""
    from ..load import load_state

    src = checkout_or_fail(source)
    try:
        state = load_state(src)
    except SourceError as exc:
        fail(exc.message, exc.hint)
    ok = run_fixes(src, state, choose(src, state, paths), config, diff)
    raise typer.Exit(0 if ok else 1)
