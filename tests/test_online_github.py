"""The comment client and `kaic comment` against a fake GitHub REST API on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.online.github import (
    COMMENT_LIMIT,
    MARKER,
    CommentClient,
    GitHubError,
    next_link,
    with_marker,
)
from tests.fixtures.loopback import LoopbackServer, Reply, Request, serve

pytestmark = pytest.mark.timeout(60)
TOKEN = "test-token-123"
REPO = "cncf/k8s-ai-conformance"


class FakeGitHub:
    """Issue comments of pull request 7, two per page, behind a bearer token."""

    def __init__(self, page_size: int = 2) -> None:
        self.comments: list[dict[str, Any]] = []
        self.page_size = page_size
        self.calls: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.base = ""
        self.bodies: list[Any] = []

    def add(self, body: str, login: str = "someone") -> None:
        self.comments.append({"id": 100 + len(self.comments), "body": body, "user": {"login": login},
                              "html_url": f"https://github.test/c/{100 + len(self.comments)}"})

    def __call__(self, req: Request) -> Reply:
        with self.lock:
            self.calls.append((req.method, req.path))
        if req.headers.get("authorization") != f"Bearer {TOKEN}":
            return Reply(401, body=b'{"message": "Bad credentials"}')
        path, _, query = req.path.partition("?")
        if path == f"/repos/{REPO}/issues/7/comments" and req.method == "GET":
            page = int(dict(p.split("=") for p in query.split("&") if "=" in p).get("page", "1"))
            chunk = self.comments[(page - 1) * self.page_size: page * self.page_size]
            headers = {"Content-Type": "application/json"}
            if page * self.page_size < len(self.comments):
                headers["Link"] = f'<{self.base}{path}?per_page=100&page={page + 1}>; rel="next"'
            return Reply(200, headers, json.dumps(chunk).encode())
        body = json.loads(req.body or b"{}")
        if path == f"/repos/{REPO}/issues/7/comments" and req.method == "POST":
            self.add(body["body"], "github-actions[bot]")
            return Reply(201, {"Content-Type": "application/json"}, json.dumps(self.comments[-1]).encode())
        if path.startswith(f"/repos/{REPO}/issues/comments/") and req.method == "PATCH":
            cid = int(path.rsplit("/", 1)[1])
            for c in self.comments:
                if c["id"] == cid:
                    c["body"] = body["body"]
                    return Reply(200, {"Content-Type": "application/json"}, json.dumps(c).encode())
        return Reply(404, body=b'{"message": "Not Found"}')


@pytest.fixture()
def github() -> Iterator[tuple[FakeGitHub, LoopbackServer]]:
    fake = FakeGitHub()
    with serve(fake) as srv:
        fake.base = srv.url
        yield fake, srv


def methods(fake: FakeGitHub) -> list[str]:
    return [m for m, _ in fake.calls]


def test_create_then_update_never_a_second(github: tuple[FakeGitHub, LoopbackServer]) -> None:
    fake, srv = github
    fake.add("unrelated")
    client = CommentClient(REPO, TOKEN, srv.url)
    first = client.upsert(7, "## kaic: pass")
    second = client.upsert(7, "## kaic: changes needed")
    marked = [c for c in fake.comments if MARKER in c["body"]]
    assert (first.action, second.action) == ("created", "updated")
    assert len(marked) == 1 and first.comment_id == second.comment_id == marked[0]["id"]
    assert marked[0]["body"] == f"{MARKER}\n## kaic: changes needed"
    assert methods(fake).count("POST") == 1 and methods(fake).count("PATCH") == 1


def test_unchanged_body_is_not_sent_again(github: tuple[FakeGitHub, LoopbackServer]) -> None:
    fake, srv = github
    client = CommentClient(REPO, TOKEN, srv.url)
    client.upsert(7, "same")
    again = client.upsert(7, "same")
    assert again.action == "unchanged"
    assert methods(fake).count("POST") == 1 and "PATCH" not in methods(fake)


def test_marker_found_on_a_later_page(github: tuple[FakeGitHub, LoopbackServer]) -> None:
    fake, srv = github
    for i in range(5):
        fake.add(f"comment {i}")
    fake.add(f"{MARKER}\nold review", "github-actions[bot]")
    done = CommentClient(REPO, TOKEN, srv.url).upsert(7, "new review", author="github-actions[bot]")
    assert done.action == "updated" and done.comment_id == fake.comments[-1]["id"]
    assert methods(fake).count("GET") == 3  # three pages of two
    assert len(fake.comments) == 6


def test_a_marked_comment_by_someone_else_is_not_taken_over(github: tuple[FakeGitHub, LoopbackServer]) -> None:
    fake, srv = github
    fake.add(f"{MARKER} I am not the bot", "mallory")
    done = CommentClient(REPO, TOKEN, srv.url).upsert(7, "review", author="github-actions[bot]")
    assert done.action == "created"
    assert fake.comments[0]["body"] == f"{MARKER} I am not the bot"


def test_pagination_link_to_another_host_gets_no_token(github: tuple[FakeGitHub, LoopbackServer]) -> None:
    fake, srv = github
    fake.base = "http://127.0.0.2:9"  # the next page claims to be elsewhere
    for i in range(3):
        fake.add(f"comment {i}")
    with pytest.raises(GitHubError, match="refusing to send the token"):
        CommentClient(REPO, TOKEN, srv.url).comments(7)


def test_bad_token_is_an_error_with_the_api_message(github: tuple[FakeGitHub, LoopbackServer]) -> None:
    _, srv = github
    with pytest.raises(GitHubError, match="401 Bad credentials"):
        CommentClient(REPO, "wrong", srv.url).upsert(7, "x")


def test_long_body_is_cut_to_the_limit_and_keeps_the_marker() -> None:
    body = with_marker("x" * (COMMENT_LIMIT * 2))
    assert len(body) <= COMMENT_LIMIT and body.startswith(MARKER) and "cut at GitHub" in body
    tail_marker = with_marker("y" * COMMENT_LIMIT + MARKER)
    assert len(tail_marker) <= COMMENT_LIMIT and MARKER in tail_marker


def test_next_link_parsing() -> None:
    header = '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"'
    assert next_link(header) == "https://api.github.com/x?page=2"
    assert next_link('<https://api.github.com/x?page=1>; rel="prev"') is None
    assert next_link(None) is None


def test_repository_name_is_checked() -> None:
    with pytest.raises(GitHubError):
        CommentClient("not a repo", TOKEN, "http://127.0.0.1:9")


def test_cli_comment_uses_github_api_url_and_the_token_env(github: tuple[FakeGitHub, LoopbackServer],
                                                          tmp_path: Path) -> None:
    fake, srv = github
    body = tmp_path / "comment.md"
    body.write_text("## kaic review: pass\n", encoding="utf-8")
    runner = CliRunner()
    env = {"GITHUB_API_URL": srv.url, "KAIC_TOKEN": TOKEN}
    args = ["comment", "--repo", REPO, "--pr", "7", "--file", str(body), "--token-env", "KAIC_TOKEN"]
    first = runner.invoke(app, args, env=env)
    body.write_text("## kaic review: changes needed\n", encoding="utf-8")
    second = runner.invoke(app, args, env=env)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "created" in first.output and "updated" in second.output
    assert [c["body"] for c in fake.comments] == [f"{MARKER}\n## kaic review: changes needed\n"]


def test_cli_comment_without_token_is_a_usage_error(tmp_path: Path) -> None:
    body = tmp_path / "comment.md"
    body.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["comment", "--repo", REPO, "--pr", "7", "--file", str(body),
                                      "--token-env", "KAIC_NO_SUCH_TOKEN"], env={"KAIC_NO_SUCH_TOKEN": ""})
    assert result.exit_code == 2


def test_an_api_that_redirects_or_answers_html_is_an_error_not_a_traceback() -> None:
    with serve(lambda req: Reply(302, {"Location": "http://127.0.0.2/"})) as srv, \
            pytest.raises(GitHubError, match="302"):
        CommentClient(REPO, TOKEN, srv.url).upsert(7, "x")
    with serve(lambda req: Reply(200, body=b"<html>proxy login</html>")) as srv, \
            pytest.raises(GitHubError, match="not JSON"):
        CommentClient(REPO, TOKEN, srv.url).upsert(7, "x")
