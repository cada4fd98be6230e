"""Options of the online checks, shared by the commands that run them (`kaic review`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..online import OnlineOptions

AllowHostOpt = Annotated[
    list[str] | None,
    typer.Option("--allow-host", help="Let this host resolve to a non-public address (repeatable; tests, intranets)."),
]
LandscapeOpt = Annotated[
    Path | None,
    typer.Option("--landscape", help="A local landscape.yml for the CNCF member list (default: fetched, cached)."),
]
K8sConformanceOpt = Annotated[
    Path | None,
    typer.Option("--k8s-conformance", help="A local checkout of cncf/k8s-conformance to look k8sConformanceUrl up in."),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Check every link again (ignore cached results).")]
BudgetOpt = Annotated[float, typer.Option("--budget", min=1.0, help="Seconds for all online checks together.")]


def online_options(allow_host: list[str] | None = None, landscape: Path | None = None,
                   k8s_conformance: Path | None = None, no_cache: bool = False,
                   budget: float = 120.0, policy: str = "kaic") -> OnlineOptions:
    """OnlineOptions from the command-line options above (and the review's --policy)."""
    from ..online import OnlineOptions

    return OnlineOptions(allow_hosts=frozenset(allow_host or ()), landscape=landscape,
                         k8s_conformance=k8s_conformance, use_cache=not no_cache, budget=budget,
                         policy=policy)
