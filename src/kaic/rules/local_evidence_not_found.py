"""A local evidence path does not exist in the product folder.

Every evidence item that is not an http(s) URL is a file to the upstream validator,
in every checklist version: `file://` and a leading `/` are dropped, the text after
`#` is a test name, the product's own `vX.Y/<dir>/` prefix is removed, and the rest
must exist in the folder holding PRODUCT.yaml (a folder counts). Words are looked up
too: `see gang.md` or `N/A` in an evidence list fail upstream as missing files (a
plain string instead of a list is `evidence-not-a-list`). A path
through a symbolic link is reported by `local-evidence-link`, words that name no
file by `evidence-not-a-link`.

Fails: `evidence: [results/missing.log]` with no such file; `evidence: ["see gang.md"]`;
`evidence: ["ftp://example.com/run.log"]` (only `http://` and `https://` are links upstream).
Passes: `evidence: [results/gang.log]` or `file://v1.37/acme/junit.xml#TestGang` next to PRODUCT.yaml.
"""

from collections.abc import Iterator

from ..model import EvidenceForm, EvidenceKind, Status, Submission, normalize_status
from ..model.evidence_path import PathProblem
from ._api import Context, Hit, Severity, facts, shorten

ID = "local-evidence-not-found"
SEVERITY = Severity.ERROR
HINT = "Commit the file next to PRODUCT.yaml and cite its path alone (relative to the product folder)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            where = a.id or None
            reads = ctx.read_upstream(a) is not None
            if e.problem is PathProblem.EMPTY:
                yield Hit(f"evidence {shorten(e.raw, 60)!r} names no file: empty file path", e.line, where,
                          upstream_fails=reads, facts=facts(case="empty", link=e.raw.strip()))
                continue
            if e.lookup is None or e.problem is not None:
                continue
            if e.kind is EvidenceKind.TEXT and (normalize_status(e.raw) is Status.OTHER
                                                or a.evidence_form is not EvidenceForm.LIST):
                continue  # words: evidence-not-a-link; a plain string: evidence-not-a-list
            if ctx.exists(e.lookup) or ctx.link_on_path(e.lookup):
                continue
            if e.named_in_text:
                found = "exists" if e.resolved and ctx.exists(e.resolved) else "does not exist either"
                yield Hit(f"evidence {shorten(e.raw, 60)!r} is words, not a path: upstream looks for a file "
                          f"with that name and fails ({e.target} {found})", e.line, where,
                          upstream_fails=reads, facts=facts(case="missing", link=e.raw.strip(), found=e.lookup))
            elif e.kind is EvidenceKind.URL:
                yield Hit(f"evidence {shorten(e.raw, 60)!r} is not an http(s) link: upstream looks for a file "
                          "with that name and fails", e.line, where,
                          upstream_fails=reads, facts=facts(case="missing", link=e.raw.strip(), found=e.lookup))
            elif e.kind is EvidenceKind.TEXT:
                yield Hit(f"evidence {e.raw.strip()!r} is a status word, not a file: upstream looks for a "
                          f"file with that name and fails", e.line, where,
                          upstream_fails=reads, facts=facts(case="missing", link=e.raw.strip(), found=e.lookup))
            else:
                yield Hit(f"evidence file {e.target} not found (looked for {e.lookup})", e.line, where,
                          upstream_fails=reads, facts=facts(case="missing", link=e.raw.strip().partition("#")[0], found=e.lookup))
