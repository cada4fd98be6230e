"""The `kaic` command line: thin wiring of sources, services and formats."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kaic",
    help="Kubernetes AI Conformance analyzer: validate, lint and analyse cncf/k8s-ai-conformance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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


def main() -> None:
    app()
