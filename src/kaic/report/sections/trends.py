"""Trends over the main line: submissions per version, requirement implementation
rates and component adoption at each commit, and each version's pace (days from its
first submission to its n-th).

JSON (`trends`): {as_of, commits, submissions_per_version {versions, points [{commit,
date, total, counts {X.Y: n}}]}, requirement_rates {requirements, points [{commit, date,
rates {id: rate}, implemented {id: n}, denominators {id: n}}]}, component_adoption
{projects [{repo, name}], points [{commit, date, submissions, counts {repo: n}}]} | null,
time_to_nth [{version, first {path, commit, date}, submissions [{n, path, commit, date,
days}]}]}. Left out when the source has no git history.
"""

from __future__ import annotations

from typing import Any

from ...history.data import trends_data
from ...history.markdown import trends_md
from ...history.trends import trends
from ...model import Submission
from ..section import ReportContext, Rows
from ._history import history

KEY = "trends"


class TrendsSection:
    key = KEY
    title = "Trends"

    def build(self, ctx: ReportContext) -> Any:
        h = history(ctx)
        if h is None:
            return None
        top = int(ctx.options.get("trend_top", 8))
        analysed = bool(h.commits) and all(c.adoption is not None for c in h.commits)
        return {"as_of": h.as_of.isoformat(), "commits": len(h.commits),
                **trends_data(trends(h.commits, h.certifications, top), analysed)}

    def markdown(self, data: Any) -> str:
        return trends_md(data)

    def csv(self, data: Any) -> dict[str, Rows]:
        spv = data["submissions_per_version"]
        rows: Rows = [["commit", "date", *[f"v{v}" for v in spv["versions"]], "total"]]
        rows += [[p["commit"], p["date"], *[p["counts"].get(v, 0) for v in spv["versions"]], p["total"]]
                 for p in spv["points"]]
        rr = data["requirement_rates"]
        rates: Rows = [["commit", "date", "requirement", "implemented", "denominator", "rate"]]
        for p in rr["points"]:
            rates += [[p["commit"], p["date"], rid, p["implemented"][rid], p["denominators"][rid], p["rates"][rid]]
                      for rid in rr["requirements"] if p["denominators"].get(rid)]
        return {"trend_submissions": rows, "trend_requirement_rates": rates}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = TrendsSection()
