"""History, certifications, expiry and trends as JSON-able data (dicts, lists, str, int).

The shapes here are the ones `kaic history --format json`, `kaic expiry --format json`
and the report's "timeline" and "trends" sections carry; every renderer draws on them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import __version__
from ..analysis import VendorGroups
from .build import History
from .certs import At, Certification
from .expiry import Expiry, VendorStanding
from .figures import CommitFigures
from .trends import Trends, trends

SCHEMA_VERSION = "1.0"


def _at(at: At | None) -> dict[str, str] | None:
    return at.as_dict() if at is not None else None


def certification(c: Certification, as_of: date | None = None, groups: VendorGroups | None = None) -> dict[str, Any]:
    """`vendor` is the vendor's one display name (the curated name when `groups` lists it);
    `vendor_as_written` the submission's vendorName."""
    out: dict[str, Any] = {
        "path": c.path,
        "version": c.version,
        "product": c.product,
        "vendor": groups.display(c.vendor) if groups is not None else c.vendor,
        "vendor_as_written": c.vendor,
        "platform": c.platform,
        "certified": c.certified.as_dict(),
        "changes": [a.as_dict() for a in c.changes],
        "expires": c.expires.isoformat(),
        "withdrawn": _at(c.withdrawn),
        "renamed_from": [{"path": r.path, **r.at.as_dict()} for r in c.renamed_from],
    }
    if as_of is not None:
        out["status"] = c.status(as_of)
        out["days_left"] = c.days_left(as_of)
    return out


def commit(c: CommitFigures) -> dict[str, Any]:
    return {
        **c.at.as_dict(),
        "subject": c.subject,
        "submissions": c.submissions,
        "per_version": {v: f.submissions for v, f in c.versions.items()},
        "conformance": {
            "judged": c.judged,
            "strict": c.strict,
            "lenient": c.lenient,
            "per_version": {v: {"judged": f.judged, "strict": f.strict, "lenient": f.lenient}
                            for v, f in c.versions.items()},
        },
        "requirements": {
            v: {rid: {"level": r.level, "implemented": r.count.implemented, "denominator": r.count.denominator,
                      "counts": dict(r.counts)} for rid, r in f.requirements.items()}
            for v, f in c.versions.items()
        },
        "overall": {rid: {"implemented": n.implemented, "denominator": n.denominator,
                          "rate": _rate(n.rate)} for rid, n in c.overall.items()},
        "adoption": None if c.adoption is None else [{"repo": a.repo, "name": a.name, "count": a.count}
                                                      for a in c.adoption],
    }


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def trends_data(t: Trends, analysed_components: bool = True) -> dict[str, Any]:
    points = [p.as_dict() for p in t.points]
    return {
        "submissions_per_version": {
            "versions": list(t.versions),
            "points": [{**p, "total": sum(s.values()), "counts": dict(s)} for p, s in zip(points, t.submissions, strict=True)],
        },
        "requirement_rates": {
            "requirements": list(t.requirements),
            "points": [{**p, "rates": {rid: _rate(n.rate) for rid, n in r.items()},
                        "implemented": {rid: n.implemented for rid, n in r.items()},
                        "denominators": {rid: n.denominator for rid, n in r.items()}}
                       for p, r in zip(points, t.rates, strict=True)],
        },
        "component_adoption": None if not analysed_components else {
            "projects": [{"repo": repo, "name": name} for repo, name in t.projects],
            "points": [{**p, "submissions": sum(s.values()), "counts": dict(a)}
                       for p, a, s in zip(points, t.adoption, t.submissions, strict=True)],
        },
        "time_to_nth": [
            {"version": pace.version,
             "first": {"path": pace.milestones[0].path, **pace.milestones[0].at.as_dict()},
             "submissions": [{"n": m.n, "path": m.path, **m.at.as_dict(), "days": m.days,
                              "again": [a.as_dict() for a in m.again]} for m in pace.milestones]}
            for pace in t.pace if pace.milestones
        ],
    }


def history_data(h: History, top: int = 8) -> dict[str, Any]:
    """The document `kaic history --format json` writes."""
    o = h.options
    analysed = bool(h.commits) and all(c.adoption is not None for c in h.commits)
    return {
        "kind": "kaic-history",
        "schema_version": SCHEMA_VERSION,
        "kaic_version": __version__,
        "source": {"location": h.location, "ref": o.ref, "head": {"commit": h.head.oid, "date": h.head.date}},
        "as_of": h.as_of.isoformat(),
        "walk": {"first_parent": o.first_parent, "since": _day(o.since), "until": _day(o.until),
                 "commits": len(h.commits), "last_main_line_commit": _at(h.last)},
        "newest_version": h.newest_version,
        "certifications": [certification(c, h.as_of) for c in h.certifications],
        "commits": [commit(c) for c in h.commits],
        "trends": trends_data(trends(h.commits, h.certifications, top), analysed),
    }


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _standing(v: VendorStanding, as_of: date, groups: VendorGroups | None = None) -> dict[str, Any]:
    return {"key": v.key, "name": v.name, "current_versions": list(v.current),
            "latest": certification(v.latest, as_of, groups)}


def expiry_data(e: Expiry, h: History | None = None) -> dict[str, Any]:
    """The document `kaic expiry --format json` writes (and the timeline section's core)."""
    out: dict[str, Any] = {}
    if h is not None:
        out.update({"kind": "kaic-expiry", "schema_version": SCHEMA_VERSION, "kaic_version": __version__,
                    "source": {"location": h.location, "ref": h.options.ref,
                               "head": {"commit": h.head.oid, "date": h.head.date}}})
    out.update({
        "as_of": e.as_of.isoformat(),
        "within_days": e.within,
        "newest_version": e.newest_version,
        "expiring": [certification(c, e.as_of, e.groups) for c in e.expiring],
        "expired": [certification(c, e.as_of, e.groups) for c in e.expired],
        "withdrawn": [certification(c, e.as_of, e.groups) for c in e.withdrawn],
        "current": [certification(c, e.as_of, e.groups) for c in e.current],
        "vendors_without_newest": [_standing(v, e.as_of, e.groups) for v in e.without_newest],
    })
    return out
