"""`kaic review`: a pull request judged against its base, as the comment a reviewer reads."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

import typer

from ..policy import POLICIES
from . import app
from ._common import OutOpt, SourceOpt, emit, fail

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
    source: SourceOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md | json | github | sarif")] = "md",
    policy: Annotated[str, typer.Option("--policy", help="upstream (predicts upstream CI) | faq | kaic")] = "upstream",
    offline: Annotated[bool, typer.Option("--offline", help="Skip the online checks (links, landscape, logo).")] = False,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Let online checks connect to this non-public host (repeatable).")] = None,
    landscape: Annotated[Path | None, typer.Option("--landscape", help="A CNCF landscape.yml instead of fetching it.")] = None,
    k8s_conformance: Annotated[Path | None, typer.Option(
        "--k8s-conformance", help="A local checkout of cncf/k8s-conformance for k8sConformanceUrl.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not use cached online results.")] = False,
    out: OutOpt = None,
) -> None:
    """Review a pull request: the submissions it touches, checked against BASE's checklists
    and configuration (never the head's). Exit 0: pass; 1: changes needed; 2: usage or source error."""
    from ..review import review
    from ..review.render import render
    from ..source import SourceError, open_repo
    from ..source.resolve import find_root, not_a_repository

    if fmt not in REVIEW_FORMATS:
        fail(f"unknown format {fmt!r}", "use one of: " + ", ".join(REVIEW_FORMATS))
    if policy not in POLICIES:
        fail(f"unknown policy {policy!r}", "use one of: " + ", ".join(POLICIES))
    if source is None:
        root = find_root(Path.cwd())
        if root is None:
            err = not_a_repository(Path.cwd())
            fail(err.message, err.hint)
        source = str(root)
    online = None
    if not offline:
        online = _online_options(allow_host or [], landscape, k8s_conformance, not no_cache)
    try:
        repo = open_repo(source)
        result = review(repo, base, ref, policy=policy, online=online)
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


def _online_options(allow_hosts: list[str], landscape: Path | None, k8s_conformance: Path | None,
                    use_cache: bool) -> object | None:
    import importlib

    try:
        OnlineOptions = importlib.import_module("kaic.online").OnlineOptions
    except ImportError:
        typer.echo("kaic: warning: online checks are not available in this build; reviewing offline", err=True)
        return None
    options: object = OnlineOptions(allow_hosts=frozenset(allow_hosts), landscape=landscape,
                                    k8s_conformance=k8s_conformance, use_cache=use_cache)
    return options
