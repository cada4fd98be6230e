"""`kaic comment`: create or update the one pull-request comment carrying kaic's marker."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import fail, say


@app.command("comment")
def comment_cmd(
    repo: Annotated[str, typer.Option("--repo", help="owner/name of the repository (e.g. $GITHUB_REPOSITORY).")],
    pr: Annotated[int, typer.Option("--pr", min=1, help="The pull request number.")],
    file: Annotated[Path, typer.Option("--file", help="The Markdown body (e.g. `kaic review --format md --out`).")],
    token_env: Annotated[str, typer.Option("--token-env", help="The environment variable holding the token.")] = "GITHUB_TOKEN",
    author: Annotated[str | None, typer.Option("--author", help="Only update a marked comment by this login "
                                               "(the Action passes github-actions\\[bot]).")] = None,
) -> None:
    """Create, or update in place, the pull request's `<!-- kaic-review -->` comment (never a second one).

    The API is $GITHUB_API_URL (default https://api.github.com); the token is read from
    the environment variable named by --token-env, never from the command line.
    """
    from ..online.github import DEFAULT_API, CommentClient, GitHubError

    token = os.environ.get(token_env, "")
    if not token:
        fail(f"no token in ${token_env}", "set it to the workflow's GITHUB_TOKEN (pull-requests: write)")
    try:
        with file.open("rb") as handle:
            body = handle.read(4 * 1024 * 1024).decode("utf-8", "replace")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    try:
        client = CommentClient(repo, token, os.environ.get("GITHUB_API_URL") or DEFAULT_API)
        try:
            done = client.upsert(pr, body, author)
        finally:
            client.close()
    except GitHubError as exc:
        fail(str(exc), "the token needs `pull-requests: write` (a fork's pull request gets a read-only token)")
    say(f"kaic: comment {done.comment_id} {done.action}" + (f": {done.url}" if done.url else ""))
