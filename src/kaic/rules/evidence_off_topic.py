"""An evidence link is about another requirement of the checklist.

The words of a link (its path, query and fragment) are compared with what each
requirement of the submission's checklist is about: its id as a phrase, the acronyms
its description uses, and the curated `subjects` and `topics` of
data/requirement_terms.yaml. Only distinctive terms count: a term that could also
match another requirement's term ("autoscal*" for pods and for clusters, "GPU") says
nothing. A link whose words name another requirement's distinctive terms and none of
its own (a KEDA pod-autoscaling page offered for cluster autoscaling) is flagged with
the terms it matched. Links whose words name no requirement are not judged.

Fails (warning): `widget_sharing` evidence `https://acme.example.com/docs/gauge-export`.
Passes: `widget_sharing` evidence `https://acme.example.com/docs/widget-sharing-gauge-export`.
"""

from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

from ..model import EvidenceKind, Submission
from ..project_pages import link_words
from ..terms import cues, distinctive, fold, mentions
from ._api import Context, Hit, Severity

ID = "evidence-off-topic"
SEVERITY = Severity.WARNING
HINT = "Link evidence about this requirement; the link's words point at another one."


def _shown(terms: list[str]) -> str:
    return ", ".join(f'"{t.strip()}"' for t in terms)


@lru_cache(maxsize=16)
def _topics(requirements: tuple[tuple[str, str], ...]) -> Mapping[str, tuple[str, ...]]:
    """Each requirement's distinctive terms (worked out once per checklist, not per submission)."""
    settings = cues()
    return MappingProxyType(distinctive({rid: settings.topic_terms(rid, text) for rid, text in requirements}))


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if ctx.checklist is None:
        return
    topics = _topics(tuple((r.id, r.description) for r in ctx.checklist.requirements))
    for a in sub.answered:
        own = topics.get(a.id)
        if not own:
            continue
        for ev in a.evidence:
            text = link_words(ev.target) if ev.kind is EvidenceKind.URL else ""
            if not text.strip():
                continue
            words = fold(text)
            if mentions(words, own):
                continue
            others = {rid: found for rid, terms in topics.items() if rid != a.id
                      for found in [mentions(words, terms)] if found}
            if others:
                about = "; ".join(f"{rid} ({_shown(found)})" for rid, found in sorted(others.items()))
                yield Hit(f"{a.id} evidence {ev.raw.strip()} is about {about}, not {a.id}",
                          ev.line or a.line, a.id)
