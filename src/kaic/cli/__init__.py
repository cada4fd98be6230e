"""The `kaic` command line: thin wiring of sources, services and formats."""

from __future__ import annotations

import shutil
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__

# Commands in the order `kaic --help` lists them: the everyday ones first. A command not
# named here (one added later) is listed after these, in the order it was registered.
IMPORTANCE = ("validate", "review", "report", "diff", "expiry", "history", "baseline", "comment", "precommit", "init",
              "fix", "render", "artifacts", "rules", "catalog", "cache")
HELP_WIDTH = 80


def _help_width() -> None:
    """Help wraps at 80 columns (fewer on a narrower terminal). Set only when help is
    printed: a normal run never imports Rich's help machinery."""
    from typer import rich_utils

    rich_utils.MAX_WIDTH = min(HELP_WIDTH, shutil.get_terminal_size((HELP_WIDTH, 24)).columns)


class _ByImportance(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        names = list(self.commands)
        rank = {name: i for i, name in enumerate(IMPORTANCE)}
        return sorted(names, key=lambda n: (rank.get(n, len(rank)), names.index(n)))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _help_width()
        super().format_help(ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        if {"-h", "--help"} & {*getattr(ctx, "protected_args", ()), *ctx.args}:
            _help_width()  # a command's own help
        return super().invoke(ctx)


app = typer.Typer(
    name="kaic",
    cls=_ByImportance,
    help="Kubernetes AI Conformance analyzer: validate, lint and analyse cncf/k8s-ai-conformance.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": HELP_WIDTH},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kaic {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print kaic's version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary lines on stderr.")] = False,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Colour the output (default: on a terminal, unless NO_COLOR is set).",
        show_default=False)] = None,
) -> None:
    """Kubernetes AI Conformance analyzer: validate, lint and analyse cncf/k8s-ai-conformance."""
    from ._common import OPTIONS

    OPTIONS.quiet = quiet
    OPTIONS.color = color


# Each module registers its command(s) on `app` when imported.
from . import artifacts as _artifacts  # noqa: E402,F401
from . import baseline as _baseline  # noqa: E402,F401
from . import cache as _cache  # noqa: E402,F401
from . import catalog as _catalog  # noqa: E402,F401
from . import comment as _comment  # noqa: E402,F401
from . import diff as _diff  # noqa: E402,F401
from . import expiry as _expiry  # noqa: E402,F401
from . import fix as _fix  # noqa: E402,F401
from . import history as _history  # noqa: E402,F401
from . import init as _init  # noqa: E402,F401
from . import precommit as _precommit  # noqa: E402,F401
from . import render as _render  # noqa: E402,F401
from . import report as _report  # noqa: E402,F401
from . import review as _review  # noqa: E402,F401
from . import rules as _rules  # noqa: E402,F401
from . import validate as _validate  # noqa: E402,F401

_GLOBAL_FLAGS = frozenset({"--quiet", "-q", "--color", "--no-color"})


def _invoked(args: list[str]) -> str | None:
    """The command `args` name after kaic's global flags, or None (help, version, a typo)."""
    for arg in args:
        if arg in _GLOBAL_FLAGS:
            continue
        return None if arg.startswith("-") else arg
    return None


def global_flags_first(args: list[str]) -> list[str]:
    """`args` with kaic's global flags (-q, --color, ...) given after the command moved
    before it, as users type them (`kaic validate -q`); nothing after `--` is moved."""
    end = args.index("--") if "--" in args else len(args)
    moved = [a for a in args[:end] if a in _GLOBAL_FLAGS]
    return moved + [a for a in args[:end] if a not in _GLOBAL_FLAGS] + args[end:]


def main() -> None:
    """The `kaic` entry point. Typer turns every registered command's signature into
    options before it dispatches; a run of one known command builds only that one
    (help, completion and unknown names still see them all)."""
    import os
    import sys

    sys.argv[1:] = global_flags_first(sys.argv[1:])
    name = _invoked(sys.argv[1:])
    known = {info.name for info in app.registered_commands}
    if name in known and not any(key.endswith("_COMPLETE") for key in os.environ):
        app.registered_commands[:] = [info for info in app.registered_commands if info.name == name]
    app()
