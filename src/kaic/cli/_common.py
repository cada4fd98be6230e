"""Options and helpers shared by the commands: the command-line conventions.

- `-f/--format NAME`: `format_option(...)` and `check_format(...)`; names are lower case.
- `-o/--out PATH`: a file whenever the output is one file; a folder only when it is several
  (`write_files`). Without `--out`, one output goes to stdout.
- `--quiet` and `--color/--no-color` (and `NO_COLOR`) are global: `OPTIONS`, `use_color()`,
  `note()` for progress lines on stderr that `--quiet` silences.
- Every JSON document kaic writes is wrapped by `envelope()` (kind, schema_version,
  kaic_version, source, summary), described by data/schemas/envelope.schema.json.
- Rule selection and accepted findings, for every command that validates (validate,
  review): `SelectOpt`, `IgnoreOpt`, `FailOnOpt`, `BaselineOpt`, `WriteBaselineOpt`, then
  `restrict_or_fail(config, select, ignore)`, `fail_on_or_fail(text)`,
  `set_aside_accepted(result, source, baseline)`, `write_accepted(result, path)` and
  `accept.fails(findings, threshold)` for the exit code.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ..channels import json_text, terminal
from ..envelope import envelope
from ..safe_write import write_file
from ..source import Source, SourceError, open_source
from ..words import plural

if TYPE_CHECKING:  # loaded by the commands that use them: a run loads what it needs
    from ..config import Config
    from ..lint import ValidationResult
    from ..load import RepoState
    from ..rules import Severity

__all__ = [
    "EXIT_USAGE", "OPTIONS", "BaselineOpt", "FailOnOpt", "IgnoreOpt", "OutOpt", "RefOpt", "SelectOpt",
    "SourceOpt", "TitleOpt", "WriteBaselineOpt", "check_format", "did_you_mean", "emit", "emit_json",
    "envelope", "fail", "fail_on_or_fail", "format_option", "load_or_fail", "note", "open_or_fail", "plural",
    "restrict_or_fail", "set_aside_accepted", "use_color", "write_accepted", "write_files",
]

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
TitleOpt = Annotated[str | None, typer.Option(
    "--title", help="Name the source in published headers (default: its origin URL, never a local path).")]

NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Compute everything afresh: neither read nor write kaic's result cache "
                 "(also KAIC_NO_CACHE=1)."),
]

EXIT_USAGE = 2

# Rule selection and accepted findings (validate; review adopts the same options).
SelectOpt = Annotated[list[str] | None, typer.Option(
    "--select", help="Run only these rules (ids, comma-separated or repeated).")]
IgnoreOpt = Annotated[list[str] | None, typer.Option(
    "--ignore", help="Do not run these rules (ids, comma-separated or repeated).")]
FailOnOpt = Annotated[str, typer.Option(
    "--fail-on", help="Exit 1 when a finding is this severe or more: error | warning | info.")]
BaselineOpt = Annotated[Path | None, typer.Option(
    "--baseline", help="An accepted-findings file: report only findings not in it.")]
WriteBaselineOpt = Annotated[Path | None, typer.Option(
    "--write-baseline", help="Write the findings of this run to an accepted-findings file.")]


@dataclass
class GlobalOptions:
    quiet: bool = False
    color: bool | None = None  # None: decide from NO_COLOR and the terminal


OPTIONS = GlobalOptions()


def use_color(stream: IO[str] | None = None) -> bool:
    """Colour on `stream` (stdout by default): --color/--no-color, else off when NO_COLOR is
    set (any non-empty value, https://no-color.org), else on a terminal only."""
    if OPTIONS.color is not None:
        return OPTIONS.color
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def note(message: str) -> None:
    """A progress or summary line on stderr; silent with --quiet."""
    if not OPTIONS.quiet:
        typer.echo(terminal(f"kaic: {message}"), err=True)


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


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`did you mean 'x'?` for the closest known word (case-insensitive), or ''."""
    known = list(known)
    folded = {k.lower(): k for k in known}
    close = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return f"did you mean {folded[close[0]]!r}?" if close else ""


def fail_on_or_fail(text: str) -> Severity:
    from ..rules import Severity

    names = [s.value for s in Severity]
    if text.strip().lower() not in names:
        hint = did_you_mean(text, names)
        fail(f"--fail-on {text!r}: not a severity", (hint + " " if hint else "") + "use one of: " + ", ".join(names))
    return Severity(text.strip().lower())


def restrict_or_fail(config: Config, select: list[str] | None, ignore: list[str] | None) -> Config:
    """`config` narrowed by --select/--ignore; an unknown rule id is a usage error."""
    from ..accept import SelectionError, restrict, rule_ids

    try:
        return restrict(config, rule_ids(select), rule_ids(ignore), did_you_mean)
    except SelectionError as exc:
        fail(str(exc))


def format_option(choices: Sequence[str], default: str) -> Any:
    """The `-f/--format` option (use as `Annotated[str, format_option(...)]`)."""
    return typer.Option("--format", "-f", help=" | ".join(choices) + f" (default: {default})",
                        show_default=False)


def check_format(fmt: str, choices: Sequence[str]) -> str:
    name = fmt.strip().lower()
    if name not in choices:
        hint = did_you_mean(name, choices)
        fail(f"unknown format {fmt!r}", (hint + " " if hint else "") + "use one of: " + ", ".join(choices))
    return name


def say(message: str, *, error: bool = False) -> None:
    """A message to stderr (in red when `error`), made safe for a terminal."""
    typer.secho(terminal(message), fg=typer.colors.RED if error and use_color(sys.stderr) else None, err=True)


def open_or_fail(source: str | None, ref: str | None, *, quiet: bool = False) -> Source:
    """The source, named on stderr unless `quiet` (machine output that records its source)."""
    try:
        src = open_source(source, ref)
    except SourceError as exc:
        fail(exc.message, exc.hint)
    if not quiet and not OPTIONS.quiet:
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
        from ..load import load_state

        return src, load_state(src)
    except SourceError as exc:
        fail(exc.message, exc.hint)


def _write(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # a new file renamed into place; a link or special file already there is refused
        write_file(target.parent, target.name, text.encode("utf-8", "surrogateescape"), replace=True)
    except OSError as exc:
        parent = next((p for p in target.parents if p.exists()), None)
        if parent is not None and not parent.is_dir():
            fail(f"cannot write {target}: {parent} is a file, not a folder", "choose a writable --out path")
        if target.is_dir():
            fail(f"cannot write {target}: it is a folder", "give a file name to --out")
        fail(f"cannot write {target}: {exc.strerror or exc}", "choose a writable --out path")


def emit(text: str, out: Path | None, *, styled: bool = False) -> None:
    """Write `text` to the file `out`, or to stdout made safe for a terminal.

    `styled`: the formatter already made every field safe (`formats._util.one_line`) and
    added kaic's own colours, which are kept.
    """
    if out is None:
        text = text if text.endswith("\n") or not text else text + "\n"
        sys.stdout.write(text if styled else terminal(text))
        return
    _write(out, text)


def emit_into(folder: Path, name: str, text: str) -> Path:
    """Write `text` as the file `name` directly inside `folder` (never elsewhere) and return it."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        fail(f"refusing to write {name!r}: not a plain file name", "this is a kaic bug; please report it")
    target = folder / name
    emit(text, target)
    return target


def emit_json(doc: Mapping[str, Any], out: Path | None, indent: int | None = 1) -> None:
    emit(json_text(doc, indent=indent) + "\n", out)


def write_files(files: Mapping[str, str], out: Path | None) -> list[Path]:
    """One file: `out` is that file (stdout without it). Several: `out` is their folder."""
    if len(files) == 1:
        (text,) = files.values()
        emit(text, out)
        return [out] if out is not None else []
    if out is None:
        fail(f"the output is {plural(len(files), 'file')}", "add --out DIR")
    if out.exists() and not out.is_dir():
        fail(f"--out {out}: the output is {plural(len(files), 'file')}, so --out must be a folder")
    return [emit_into(out, name, text) for name, text in files.items()]


def set_aside_accepted(result: ValidationResult, src: Source, baseline: Path | None) -> ValidationResult:
    """`result` without the findings suppressed inline in their PRODUCT.yaml or listed in the
    accepted-findings file `baseline`; those go to `result.suppressed`."""
    from dataclasses import replace

    from ..accept import AcceptedError, parse_accepted, parse_suppressions, partition
    from ..source import ReadRefused

    accepted = None
    if baseline is not None:
        try:
            accepted = parse_accepted(baseline.read_text(encoding="utf-8"), str(baseline))
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read --baseline {baseline}: {getattr(exc, 'strerror', None) or exc}",
                 "write one with `kaic validate --write-baseline FILE`")
        except AcceptedError as exc:
            fail(str(exc), "write one with `kaic validate --write-baseline FILE`")
    suppressions = {}
    for path in sorted({f.path for f in result.findings}):
        try:
            text = src.read(path).decode("utf-8", "replace")
        except (ReadRefused, OSError):
            continue  # unreadable: its findings stay (they say why)
        if "kaic" in text:
            suppressions[path] = parse_suppressions(text)
    reported, aside = partition(result.findings, suppressions, accepted)
    return replace(result, findings=tuple(reported), suppressed=result.suppressed + tuple(aside))


def write_accepted(result: ValidationResult, target: Path) -> None:
    from ..accept import accepted_document

    emit_json(accepted_document(result.findings, result.source), target)
    note(f"wrote {plural(len(result.findings), 'accepted finding')} to {target}")
