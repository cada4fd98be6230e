"""Every link offered for a requirement is an open-source project's home page.

A project's home page (the root of one of its `url_prefixes` or of its repository in
the component catalog, data/catalog.yaml, or one of the `home_page_paths` of
data/evidence.yaml below it: its README, its docs root) shows that the project exists,
not that the vendor's platform runs it. Deeper pages (a vendor's cloud-provider folder
in the project's repository) are not judged. The rule fires when every link of a
claimed requirement is such a page, naming the project each one belongs to. Pages on the vendor's own hosts (the
hosts of its websiteUrl, documentationUrl and repoUrl, or its GitHub organisation) are
never generic.

Fails (info): `gang_scheduling` Implemented, evidence `https://kueue.sigs.k8s.io/`.
Passes: the same with a second link to the vendor's documentation; or
`https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler/cloudprovider/acme`.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import EvidenceKind, Status, Submission
from ._api import Context, Hit, Severity

if TYPE_CHECKING:
    from ..components.urls import Url

ID = "evidence-generic"
SEVERITY = Severity.INFO
HINT = "Add evidence from your platform (its docs, a test run, a walkthrough), not only the project's own pages."
_CLAIMS = (Status.IMPLEMENTED, Status.PARTIAL)
_OWN_FIELDS = ("websiteUrl", "documentationUrl", "repoUrl")


def _vendor_owns(url: "Url", hosts: set[str], orgs: set[str]) -> bool:
    if url.host in hosts:
        return True
    org = url.path.strip("/").split("/")[0].lower() if url.host == "github.com" else ""
    return bool(org) and org in orgs


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    # imported here: kaic.components imports the validator, which imports the rules
    from ..components.catalog import load_catalog
    from ..components.evidence import vocabulary
    from ..components.model import Kind
    from ..components.urls import org_of, parse

    home_paths = {"", *vocabulary().home_page_paths}
    catalog = load_catalog()
    own = [sub.meta(f) for f in _OWN_FIELDS]
    hosts = {u.host for u in map(parse, own) if u is not None and u.host != "github.com"}
    orgs = {o for o in map(org_of, own) if o} | {
        u.path.strip("/").split("/")[0].lower() for u in map(parse, own) if u is not None and u.host == "github.com"
        and u.path.strip("/")}
    for a in sub.answered:
        if a.status not in _CLAIMS:
            continue
        links = [e for e in a.evidence if e.kind is EvidenceKind.URL]
        if not links or len(links) != len(a.references):
            continue
        projects: list[str] = []
        for ev in links:
            url = parse(ev.target)
            found = catalog.prefixes.match(url) if url is not None else None
            if url is None or found is None or _vendor_owns(url, hosts, orgs) \
                    or catalog.kind(found[0]) is not Kind.PROJECT \
                    or found[2].strip("/").lower() not in home_paths:
                break
            projects.append(catalog.name(found[0]))
        else:
            named = ", ".join(dict.fromkeys(projects))
            yield Hit(f"{a.id} evidence is only the project's own page{'s' if len(links) > 1 else ''} "
                      f"({named}), nothing from the platform", a.evidence_line or a.line, a.id)
