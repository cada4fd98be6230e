"""Distinctive vendor profiles: per vendor, a short paragraph of what sets it apart
(projects and accelerators few others name, several solutions for one topic, test
evidence, N/A answers, findings, certification history), every sentence footnoted to
the lines behind it. Sentences are data; their words are Jinja2 macros.

JSON (`distinctive_profiles`): [{vendor, key, submissions, sentences: [{kind, values,
refs ["path:line"]}]}].
"""

from __future__ import annotations

from typing import Any

from ...deepdive.profiles import CertFacts, vendor_profiles
from ...model import Submission
from ..escape import md_text
from ..markup import Footnotes, join_blocks
from ..section import ReportContext, Rows
from ..shared import analysis
from ._components import component_analysis
from ._history import history
from ._sentences import render_sentence

KEY = "distinctive_profiles"


def _certifications(ctx: ReportContext) -> dict[str, CertFacts] | None:
    """Each submission's certification dates and status, when the source has git history."""
    hist = history(ctx)
    if hist is None:
        return None
    return {c.path: CertFacts(c.certified.day.isoformat(), c.expires.isoformat(), c.status(hist.as_of))
            for c in hist.certifications}


class DistinctiveProfilesSection:
    key = KEY
    title = "Distinctive profiles"

    def build(self, ctx: ReportContext) -> Any:
        return vendor_profiles(component_analysis(ctx), analysis(ctx).inventory.vendors, ctx.validation,
                               _certifications(ctx))

    def markdown(self, data: Any) -> str:
        notes = Footnotes(KEY)
        blocks = []
        for p in data:
            who = md_text(p["vendor"]) or "*(no vendorName)*"
            blocks.append(f"**{who}**. " + " ".join(render_sentence(s, notes) for s in p["sentences"]))
        if not blocks:
            return "No vendor."
        return join_blocks(*blocks, notes.render())

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["vendor", "kind", "refs"]]
        for p in data:
            for s in p["sentences"]:
                rows.append([p["vendor"], s["kind"], "; ".join(s["refs"])])
        return {"distinctive_profiles": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = DistinctiveProfilesSection()
