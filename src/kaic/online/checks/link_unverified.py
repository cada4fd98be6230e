"""(online) A link could not be verified: blocked, rate-limited, server error, timeout, TLS, DNS or refused.

These answers prove neither that the page exists nor that it does not: a bot wall
(401/403), a rate limit (429, which upstream counts as reachable), a 5xx after retries,
no answer in time, a TLS or DNS failure, or an address kaic does not connect to
(loopback, private, link-local and other non-public addresses). A reviewer should open
the link by hand; the pull request gets the label `links-unverified`.

Fails (warning): `https://example.com/evidence` answering 403 to every request.
Passes: a URL answering 200.
"""

from collections.abc import Iterator

from ...model import Submission
from ...rules import Hit, Severity
from ..collect import link_sites
from ._api import Facts

ID = "link-unverified"
SEVERITY = Severity.WARNING
HINT = "Open the link by hand; prefer pages that anyone can fetch (no bot wall or login)."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    for site in link_sites(sub):
        outcome = facts.links.get(site.url)
        if outcome is None or outcome.klass.verified:
            continue
        where = f"metadata {site.field}" if site.field else "evidence"
        yield Hit(f"could not verify {where} link {site.url}: {outcome.klass.value} ({outcome.detail})",
                  site.line, site.requirement)
