"""(online) An evidence or metadata link is broken.

kaic requests every http(s) URL of the submission (HEAD, then GET when HEAD is refused),
following at most 5 redirects. Broken means the server answered that the page is not
there: 404, 410 or another 4xx other than 401/403/429, a redirect loop, too many
redirects, or a redirect to something that is not an http(s) URL.

Fails: `https://example.com/docs/gone` answering 404.
Passes: a URL answering 200, or 301 to a page answering 200.
"""

from collections.abc import Iterator

from ...model import Submission
from ...rules import Hit, Severity
from ...rules._api import facts as upstream_facts
from ..collect import CONFORMANCE_FIELD, link_sites
from ..links import LinkClass
from ._api import Facts

ID = "link-broken"
SEVERITY = Severity.ERROR
HINT = "Fix the link: it must open the evidence for everyone, without logging in."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    for site in link_sites(sub):
        outcome = facts.links.get(site.url)
        if outcome is None or outcome.klass is not LinkClass.BROKEN:
            continue
        where = f"metadata {site.field}" if site.field else "evidence"
        via = f" (last URL {outcome.final_url})" if outcome.final_url else ""
        case = "conformance" if site.field == CONFORMANCE_FIELD else "metadata" if site.field else "evidence"
        yield Hit(f"{where} link is broken: {site.url}: {outcome.detail}{via}", site.line, site.requirement,
                  facts=upstream_facts(case=case, url=site.url, field=site.field, error=outcome.detail))
