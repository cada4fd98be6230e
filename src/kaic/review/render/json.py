"""The review as JSON: kaic's common envelope (kind `kaic-review`), then verdict, submissions,
findings, links, labels; `source` is the head's record with `base` and `head` added."""

from __future__ import annotations

import json as _json
from collections import Counter

from ...envelope import envelope, source_record
from ...formats._util import displayable
from ...rules import Severity
from ..run import Review, SubmissionReview
from ..upstream import upstream_verdict

KIND = "kaic-review"
SCHEMA_VERSION = "2.0"  # 2.0: the common envelope (kind, string schema_version, source record, summary)


def _submission(sr: SubmissionReview, review: Review) -> dict[str, object]:
    sub = sr.submission
    checklist = review.checklists.get(sub.version)
    requirements = []
    for a in sub.answered:
        req = checklist.requirement(a.id) if checklist else None
        requirements.append({
            "id": a.id,
            "level": req.level if req else a.level,
            "status": a.status_raw.strip(),
            "evidence": dict(Counter(e.kind.value for e in a.evidence)),
            "findings": sorted({f.rule for f in review.findings if f.path == sub.path and f.requirement == a.id}),
            "artifacts": sr.backing.get(a.id),
        })
    return {
        "path": sub.path, "version": sub.version, "product": sub.product, "vendor": sub.vendor,
        "platform": sub.platform, "ok": sr.ok, "requirements": requirements,
        "previous": sr.previous.as_dict() if sr.previous else None,
    }


def as_data(review: Review) -> dict[str, object]:
    sel = review.selection
    counts = {s.value: review.count(s) for s in Severity}
    source = {
        **(source_record(review.head) or {}),
        "base": {"ref": review.base.ref, "commit": review.base.commit},
        "head": {"ref": review.head.ref, "commit": review.head.commit},
    }
    summary = {"verdict": review.verdict, "fail_on": review.fail_on.value,
               "submissions": len(review.submissions), "findings": len(review.findings), **counts}
    return envelope(KIND, {
        "verdict": review.verdict,
        "fail_on": review.fail_on.value,
        "policy": review.policy,
        "counts": counts,
        "upstream_ci_runs": review.upstream_ci_runs,
        "online": review.online,
        "labels": list(review.labels),
        "selection": {
            "changed": list(sel.changed), "submissions": list(sel.submissions), "removed": list(sel.removed),
            "checklists": list(sel.checklists), "orphans": list(sel.orphans), "misplaced": list(sel.misplaced),
            "config": list(sel.config), "ignored": list(sel.ignored),
        },
        "submissions": [_submission(sr, review) for sr in review.submissions],
        "findings": [{**f.as_dict(), "upstream_verdict": upstream_verdict(f)} for f in review.findings],
        "links": [x.as_dict() for x in review.links],
    }, source=source, summary=summary, schema_version=SCHEMA_VERSION)


def render(review: Review, **_: object) -> str:
    return _json.dumps(displayable(as_data(review)), indent=2, ensure_ascii=False) + "\n"
