"""Create or update the ONE pull-request comment carrying kaic's marker, through GitHub's REST API.

The comment is found by its marker (`<!-- kaic-review -->`) among the pull request's
issue comments (every page); it is updated in place when its body changed, left alone
when it did not, and created only when there is none. `GITHUB_API_URL` is honoured
(GitHub Enterprise Server); the token is sent to that API origin only, never to
another host a pagination link might name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx

MARKER = "<!-- kaic-review -->"
COMMENT_LIMIT = 65_536  # characters GitHub accepts in one comment
DEFAULT_API = "https://api.github.com"
MAX_PAGES = 100
_REPO = re.compile(r"^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$")
_NEXT = re.compile(r'<([^<>\s]+)>\s*;\s*rel="?next"?')


class GitHubError(Exception):
    """The API refused or failed; the message says what and why."""


@dataclass(frozen=True)
class Upserted:
    action: str  # "created", "updated" or "unchanged"
    comment_id: int
    url: str


def with_marker(body: str) -> str:
    """`body` carrying the marker, cut to GitHub's limit with a note when longer."""
    if MARKER not in body:
        body = f"{MARKER}\n{body}"
    if len(body) > COMMENT_LIMIT:
        note = "\n\n… (cut at GitHub's comment size limit; the full result is in the job's artifacts)\n"
        cut = body[: COMMENT_LIMIT - len(note) - len(MARKER) - 1]
        body = (cut if MARKER in cut else f"{MARKER}\n{cut}") + note
    return body


def next_link(header: str | None) -> str | None:
    if not header:
        return None
    for part in header.split(","):
        m = _NEXT.search(part[:2000])
        if m:
            return m.group(1)
    return None


def _json(response: httpx.Response) -> Any:
    if response.status_code >= 300:
        raise GitHubError(f"{response.request.method} {response.request.url.path}: HTTP {response.status_code} "
                          "(kaic does not follow redirects with the token)")
    try:
        return response.json()
    except ValueError:
        raise GitHubError(f"{response.request.method} {response.request.url.path}: the answer is not JSON") from None


def _login(comment: dict[str, Any]) -> str | None:
    user = comment.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) else None


class CommentClient:
    def __init__(self, repo: str, token: str, api_url: str = DEFAULT_API,
                 client: httpx.Client | None = None, timeout: float = 30.0) -> None:
        if not _REPO.match(repo):
            raise GitHubError(f"not an owner/name repository: {repo!r}")
        self.repo = repo
        self.api = httpx.URL(api_url.rstrip("/") + "/")
        if self.api.scheme not in ("http", "https") or not self.api.host:
            raise GitHubError(f"not an http(s) API URL: {api_url!r}")
        self._client = client or httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False)
        self._headers = {
            "Authorization": f"Bearer {token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "kaic-review-comment",
        }

    def close(self) -> None:
        self._client.close()

    def _same_origin(self, url: httpx.URL) -> bool:
        return (url.scheme, url.host, url.port) == (self.api.scheme, self.api.host, self.api.port)

    def _call(self, method: str, url: httpx.URL, json: Any = None) -> httpx.Response:
        if not self._same_origin(url):
            raise GitHubError(f"refusing to send the token to {url.host}: not the API host {self.api.host}")
        try:
            response = self._client.request(method, url, headers=self._headers, json=json)
        except httpx.HTTPError as exc:
            raise GitHubError(f"{method} {url.path}: {type(exc).__name__}: {exc}") from None
        if response.status_code >= 400:
            message = ""
            try:
                data = response.json()
                message = str(data.get("message", ""))[:300] if isinstance(data, dict) else ""
            except ValueError:
                pass
            raise GitHubError(f"{method} {url.path}: HTTP {response.status_code} {message}".rstrip())
        return response

    def comments(self, pr: int) -> list[dict[str, Any]]:
        """Every issue comment of pull request `pr`, following the pagination links."""
        url: httpx.URL | None = self.api.join(f"repos/{self.repo}/issues/{pr}/comments").copy_merge_params(
            {"per_page": "100"})
        found: list[dict[str, Any]] = []
        pages = 0
        while url is not None:
            pages += 1
            if pages > MAX_PAGES:
                raise GitHubError(f"more than {MAX_PAGES} pages of comments")
            response = self._call("GET", url)
            data = _json(response)
            if not isinstance(data, list):
                raise GitHubError("the comments page is not a list")
            found.extend(c for c in data if isinstance(c, dict))
            nxt = next_link(response.headers.get("link"))
            url = self.api.join(nxt) if nxt else None
        return found

    def upsert(self, pr: int, body: str, author: str | None = None) -> Upserted:
        """Update the marked comment of `pr` (by `author` when given) or create it."""
        body = with_marker(body)
        mine = [c for c in self.comments(pr)
                if MARKER in str(c.get("body") or "")
                and (author is None or _login(c) == author)
                and isinstance(c.get("id"), int)]
        if mine:
            comment = mine[0]
            if comment.get("body") == body:
                return Upserted("unchanged", comment["id"], str(comment.get("html_url", "")))
            url = self.api.join(f"repos/{self.repo}/issues/comments/{comment['id']}")
            data = _json(self._call("PATCH", url, {"body": body}))
            return Upserted("updated", comment["id"], str(data.get("html_url", "") if isinstance(data, dict) else ""))
        url = self.api.join(f"repos/{self.repo}/issues/{pr}/comments")
        data = _json(self._call("POST", url, {"body": body}))
        if not isinstance(data, dict) or not isinstance(data.get("id"), int):
            raise GitHubError("the API did not return the new comment")
        return Upserted("created", data["id"], str(data.get("html_url", "")))
