"""`kaic review`: a pull request judged against its base, as the comment a reviewer reads."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import (
    FailOnOpt,
    IgnoreOpt,
    OutOpt,
    SelectOpt,
    check_format,
    did_you_mean,
    emit,
    fail,
    fail_on_or_fail,
    format_option,
)
from ._online import (
    AllowHostOpt,
    BudgetOpt,
    K8sConformanceOpt,
    LandscapeOpt,
    NoCacheOpt,
    online_options,
)

REVIEW_FORMATS = ("md", "json", "github", "sarif")


def _link_base(location: str) -> str | None:
    """https://github.com/owner/repo for file:line links: from the Actions context, else the source URL."""
    server, repo = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repo and re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        return f"{server.rstrip('/')}/{repo}"
    m = re.fullmatch(r"(https://github\.com/[\w.-]+/[\w.-]+?)(?:\.git)?/?", location)
    return m.group(1) if m else None


def _append_summary(text: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        typer.echo(f"kaic: warning: cannot append to $GITHUB_STEP_SUMMARY: {exc.strerror or exc}", err=True)


@app.command("review")
def review_cmd(
    base: Annotated[str, typer.Option("--base", "-b", help="The pull request's base: commit, branch or tag.")],
    ref: Annotated[str, typer.Option("--ref", "-r", help="The pull request's head (default: HEAD).")] = "HEAD",
    source: Annotated[str | None, typer.Option(
        "--source", "-s", help="A git checkout, repository, bundle or URL. Default: the repository holding "
        "the current folder (found by walking up); none there is an error.")] = None,
    fmt: Annotated[str, format_option(REVIEW_FORMATS, "md")] = "md",
    policy: Annotated[str, typer.Option("--policy", help="upstream (predicts upstream CI) | faq | kaic")] = "upstream",
    offline: Annotated[bool, typer.Option("--offline", help="Skip the online checks (links, landscape, logo).")] = False,
    allow_host: AllowHostOpt = None,
    landscape: LandscapeOpt = None,
    k8s_conformance: K8sConformanceOpt = None,
    no_cache: NoCacheOpt = False,
    budget: BudgetOpt = 120.0,
    out: OutOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    fail_on: FailOnOpt = "error",
) -> None:
    """Review a pull request: the submissions it touches, checked against BASE's checklists
    and configuration (never the head's). --select/--ignore take rule, online-check and
    pull-request-check ids (`kaic rules`). Exit 0: pass (no finding at --fail-on, default
    error); 1: changes needed; 2: usage or source error."""
    from ..policy import POLICIES
    from ..review import chooser, review
    from ..review.render import render
    from ..source import SourceError, open_repo
    from ..source.resolve import find_root, not_a_repository

    fmt = check_format(fmt, REVIEW_FORMATS)
    threshold = fail_on_or_fail(fail_on)
    runs = chooser(_ids(select), _ids(ignore))
    if policy not in POLICIES:
        fail(f"unknown policy {policy!r}", "use one of: " + ", ".join(POLICIES))
    if source is None:
        root = find_root(Path.cwd())
        if root is None:
            err = not_a_repository(Path.cwd())
            fail(err.message, err.hint)
        source = str(root)
    online = None if offline else online_options(allow_host, landscape, k8s_conformance, no_cache, budget, policy)
    try:
        repo = open_repo(source)
        result = review(repo, base, ref, policy=policy, online=online, runs=runs, fail_on=threshold)
    except SourceError as exc:
        fail(exc.message, exc.hint)
    if repo.stale:
        typer.echo(f"kaic: warning: {repo.stale}", err=True)
    typer.echo(f"kaic: reviewed {result.head.location}: head {ref} ({(result.head.commit or '')[:12]}) "
               f"against base {base} ({(result.base.commit or '')[:12]}), policy {policy}"
               + ("" if result.online else ", offline"), err=True)
    emit(render(fmt, result, link_base=_link_base(repo.location)), out)
    if fmt == "github":
        _append_summary(render("md", result, link_base=_link_base(repo.location)))
    raise typer.Exit(0 if result.passed else 1)


def _ids(values: list[str] | None) -> frozenset[str]:
    """The ids --select/--ignore name: file rules, online checks, pull-request checks."""
    from ..accept import SelectionError, canonical_rule, rule_ids
    from ..online.checks import ONLINE_RULES
    from ..review.data import review_data
    from ..rules import RULES

    known = [*RULES, *ONLINE_RULES, *review_data().checks]
    try:
        return frozenset(canonical_rule(name, did_you_mean, known) for name in rule_ids(values))
    except SelectionError as exc:
        fail(str(exc))
