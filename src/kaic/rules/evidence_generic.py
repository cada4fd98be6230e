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

from ..model import EvidenceKind, Status, Submission
from ..project_pages import project_home, split
from ._api import Context, Hit, Severity

ID = "evidence-generic"
SEVERITY = Severity.INFO
HINT = "Add evidence from your platform (its docs, a test run, a walkthrough), not only the project's own pages."
_CLAIMS = (Status.IMPLEMENTED, Status.PARTIAL)
_OWN_FIELDS = ("websiteUrl", "documentationUrl", "repoUrl")


def _owner(raw: str) -> tuple[str, str] | None:
    """(host, GitHub organisation or "") of one of the vendor's own links."""
    found = split(raw)
    if found is None:
        return None
    host, path = found[0], found[1]
    return host, path.strip("/").split("/")[0].lower() if host == "github.com" else ""


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    own = [o for o in map(_owner, (sub.meta(f) for f in _OWN_FIELDS)) if o is not None]
    hosts = {h for h, _ in own if h != "github.com"}
    orgs = {org for h, org in own if h == "github.com" and org}
    for a in sub.answered:
        if a.status not in _CLAIMS:
            continue
        links = [e for e in a.evidence if e.kind is EvidenceKind.URL]
        if not links or len(links) != len(a.references):
            continue
        projects: list[str] = []
        for ev in links:
            found = _owner(ev.target)
            name = project_home(ev.target)
            if found is None or name is None or found[0] in hosts or (found[0] == "github.com" and found[1] in orgs):
                break
            projects.append(name)
        else:
            named = ", ".join(dict.fromkeys(projects))
            yield Hit(f"{a.id} evidence is only the project's own page{'s' if len(links) > 1 else ''} "
                      f"({named}), nothing from the platform", a.evidence_line or a.line, a.id)
