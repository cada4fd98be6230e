"""Requirement deep dives: per checklist version and requirement, the solutions, the
identifiers most cited (metric names, API groups and versions, kinds and CRDs, feature
gates, Helm charts, resource names), the evidence classes, the mechanisms, how vendors
tested it, and the N/A and Not Implemented answers grouped by reason. Each count lists
the places behind it.

JSON (`deep_dives`): [{version, submissions, requirements: [{requirement, category,
level, answers, statuses {status: n}, solutions [{name, submissions}], identifiers
[{kind, value, count, submissions, places}], identifier_total, evidence {class: n},
mechanisms [{key, title, count, submissions, places}], testing {levels {level: n},
commands [{command, count, submissions, places}]}, not_applicable [{group, title, count,
answers [{submission, status, notes, ref}]}]}]}]. Each `submissions[]` entry gains
`identifiers` {requirement id: [{kind, value}]} (counting ones, "" for the folder).
"""

from __future__ import annotations

import posixpath
from typing import Any

from ...deepdive.dives import deep_dives
from ...deepdive.extract import KIND_LABELS, IdKind
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks
from ..section import ReportContext, Rows
from ._components import component_analysis
from ._deepdive import collected, vocabulary

KEY = "deep_dives"
NOTES_SHOWN = 160
LEVELS = {"tests": "test code or output", "walkthrough": "walkthrough", "documentation": "documentation",
          "none": "no usable evidence"}


def _who(path: str) -> str:
    return posixpath.basename(posixpath.dirname(path)) or path


def _places(places: list[str]) -> str:
    return ", ".join(md_code(p) for p in places)


class DeepDivesSection:
    key = KEY
    title = "Requirement deep dives"

    def build(self, ctx: ReportContext) -> Any:
        col = collected(ctx)
        return ctx.memo("deepdive_dives", lambda: deep_dives(ctx.state, component_analysis(ctx), col.identifiers,
                                                             col.terms, vocabulary(ctx)))

    def markdown(self, data: Any) -> str:
        blocks: list[str] = []
        for version in data:
            blocks.append(f"### v{md_text(version['version'])} ({version['submissions']} submissions)")
            for d in version["requirements"]:
                lines = [f"#### {md_text(d['requirement'])} ({md_text(d['level'])}, {md_text(d['category'])})", ""]
                statuses = ", ".join(f"{n} {md_text(s) or '(empty)'}" for s, n in d["statuses"].items()) or "none"
                lines.append(f"- Answers: {d['answers']} ({statuses}).")
                if d["solutions"]:
                    lines.append("- Solutions: " + "; ".join(
                        f"{md_text(s['name'])} ({len(s['submissions'])}: {', '.join(md_text(_who(p)) for p in s['submissions'])})"
                        for s in d["solutions"]) + ".")
                if d["identifiers"]:
                    lines.append(f"- Identifiers most cited ({len(d['identifiers'])} of {d['identifier_total']}): " + "; ".join(
                        f"{md_code(i['value'])} ({KIND_LABELS[IdKind(i['kind'])]}, {i['count']} submission"
                        f"{'s' if i['count'] != 1 else ''}: {_places(i['places'])})" for i in d["identifiers"]) + ".")
                if d["evidence"]:
                    lines.append("- Best evidence per claim: " + ", ".join(
                        f"{md_text(c)} {n}" for c, n in d["evidence"].items()) + ".")
                if d["mechanisms"]:
                    lines.append("- Mechanisms shown: " + "; ".join(
                        f"{md_text(m['title'])} ({m['count']}: {_places(m['places'])})" for m in d["mechanisms"]) + ".")
                testing = d["testing"]
                if testing["levels"] or testing["commands"]:
                    levels = ", ".join(f"{md_text(LEVELS.get(k, k))} {n}" for k, n in testing["levels"].items())
                    cmds = "; ".join(f"{md_code(c['command'])} ({c['count']}: {_places(c['places'])})"
                                     for c in testing["commands"])
                    lines.append("- How it was tested: " + (levels or "no claim") + (f"; commands: {cmds}" if cmds else "") + ".")
                for group in d["not_applicable"]:
                    items = "; ".join(
                        f"{md_text(_who(a['submission']))} {md_code(a['ref'])}: {md_text(a['notes'], max_length=NOTES_SHOWN) or '(no notes)'}"
                        for a in group["answers"])
                    lines.append(f"- N/A or Not Implemented, {md_text(group['title'])} ({group['count']}): {items}")
                blocks.append("\n".join(lines))
        return join_blocks(*blocks) if blocks else "No checklist with submissions."

    def csv(self, data: Any) -> dict[str, Rows]:
        ids: Rows = [["version", "requirement", "kind", "value", "submissions", "count", "places"]]
        mechs: Rows = [["version", "requirement", "mechanism", "submissions", "count", "places"]]
        nas: Rows = [["version", "requirement", "group", "submission", "status", "ref", "notes"]]
        for version in data:
            v = version["version"]
            for d in version["requirements"]:
                for i in d["identifiers"]:
                    ids.append([v, d["requirement"], i["kind"], i["value"], "; ".join(i["submissions"]), i["count"],
                                "; ".join(i["places"])])
                for m in d["mechanisms"]:
                    mechs.append([v, d["requirement"], m["title"], "; ".join(m["submissions"]), m["count"],
                                  "; ".join(m["places"])])
                for g in d["not_applicable"]:
                    for a in g["answers"]:
                        nas.append([v, d["requirement"], g["title"], a["submission"], a["status"], a["ref"], a["notes"]])
        return {"deep_dive_identifiers": ids, "deep_dive_mechanisms": mechs, "deep_dive_not_applicable": nas}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        out: dict[str, list[dict[str, str]]] = {}
        for i in collected(ctx).identifiers.get(sub.path, ()):
            if not i.counts:
                continue
            items = out.setdefault(i.place.requirement or "", [])
            entry = {"kind": i.kind.value, "value": i.value}
            if entry not in items:
                items.append(entry)
        return {"identifiers": out}


SECTION = DeepDivesSection()
