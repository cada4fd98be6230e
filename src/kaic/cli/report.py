"""`kaic report`: the program's analysis as Markdown, JSON, CSV, HTML (and any registered format)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import (
    NoCacheOpt,
    RefOpt,
    SourceOpt,
    TitleOpt,
    did_you_mean,
    emit,
    fail,
    note,
    open_or_fail,
    plural,
    result_cache,
    say,
    write_files,
)


def _formats(fmt: str, known: list[str]) -> list[str]:
    chosen: list[str] = []
    for name in (part.strip().lower() for part in fmt.split(",")):
        if name == "all":
            chosen.extend(known)
        elif name in known:
            chosen.append(name)
        else:
            hint = did_you_mean(name, [*known, "all"])
            fail(f"unknown report format {name!r}",
                 (hint + " " if hint else "") + "use one of: " + ", ".join([*known, "all"]))
    return list(dict.fromkeys(chosen))


def _history_possible(src: object) -> bool:
    """False (and said on stderr) when the source is a shallow clone: no timeline or trends then."""
    from ..source import GitRepo, GitSource, SourceError

    repo = src.repo if isinstance(src, GitSource) else None
    root = getattr(src, "root", None)
    if repo is None and isinstance(root, Path) and (root / ".git").exists():
        repo = GitRepo(root)
    try:
        if repo is not None:
            repo.refuse_shallow("the timeline and trends")
    except SourceError as exc:
        typer.echo(f"kaic: warning: {exc.message}; the report leaves the timeline and trends out. "
                   f"hint: {exc.hint}", err=True)
        return False
    return True


@app.command("report")
def report_cmd(
    source: SourceOpt = None,
    ref: RefOpt = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="md | json | csv | html | all, or several comma-separated (default: md; "
        "on a terminal without --out, a short summary)", show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="The file to write; a folder when the output is several files (csv, several "
        "formats).")] = None,
    vendor_groups: Annotated[Path | None, typer.Option("--vendor-groups", help="A vendor-groups YAML file instead of kaic's own.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="A YAML rule configuration file (as for validate).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD: the day certification statuses are judged on (default: today; the commit's date when --ref names an older state).")] = None,
    current: Annotated[bool, typer.Option("--current", help="Count only submissions whose certification is current on --as-of.")] = False,
    history: Annotated[bool, typer.Option("--history/--no-history", help="Walk the git history for the timeline and trends sections.")] = True,
    title: TitleOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Analyse a repository state: statistics, matrix, conformance, history, findings, inventory.

    On a terminal without --format or --out, a short summary; otherwise the report goes to
    --out, or to stdout (Markdown by default). Exit 0: report made; 1: a section failed
    (the rest is still written); 2: usage or source error.
    """
    with result_cache(no_cache):
        _report(source, ref, fmt, out, vendor_groups, config, as_of, history, current, title)


def _report(source: str | None, ref: str | None, fmt: str | None, out: Path | None, vendor_groups: Path | None,
            config: Path | None, as_of: str | None, history: bool, current: bool, title: str | None) -> None:
    from ..analysis import VendorGroupsError, load_vendor_groups
    from ..config import ConfigError, load_config
    from ..report.render import RENDERERS
    from ..report.stored import make_report
    from ..source import SourceError
    day = None
    if as_of is not None:
        from .history import day_or_fail

        day = day_or_fail(as_of, "--as-of")
    terminal_summary = fmt is None and out is None and sys.stdout.isatty()
    formats = ["json"] if terminal_summary else _formats(fmt or "md", list(RENDERERS))
    if out is None and len(formats) > 1:
        fail(f"{len(formats)} formats are several files", "add --out DIR")
    try:
        groups = load_vendor_groups(vendor_groups)
    except VendorGroupsError as exc:
        fail(str(exc))
    src = open_or_fail(source, ref)
    history = history and _history_possible(src)
    try:
        cfg = load_config(src, config)
    except (ConfigError, SourceError) as exc:
        fail(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""))
    options: dict[str, object] = {"vendor_groups": groups, "as_of": day, "history": history, "title": title}
    if day is None and ref is not None:
        from ..report.sections._history import older_state_day

        older = older_state_day(src)
        if older is not None:
            options["as_of"], options["as_of_reason"] = older
    if current:
        options["current_only"] = True
    try:
        made = make_report(src, cfg, formats, options=options)
    except SourceError as exc:
        fail(exc.message, exc.hint)

    if terminal_summary:
        import json

        from ..report.terminal import summary_text

        (doc,) = made.files["json"].values()
        emit(summary_text(json.loads(doc)), None)
    else:
        files: dict[str, str] = {}
        for name in formats:
            files.update(made.files[name])
        if out is not None and out.is_dir() and len(files) == 1:
            out = out / next(iter(files))  # an existing folder: the one file goes inside it
        written = write_files(files, out)
        if written:
            where = out if len(written) > 1 else written[0]
            note(f"wrote {plural(len(written), 'file')} to {where}")
    for error in made.errors:
        say(f"kaic: section {error['section']} failed: {error['message']}", error=True)
    if made.errors:
        sys.stderr.flush()
        raise typer.Exit(1)
