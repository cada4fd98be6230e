"""Conformance by requirement, per version: status counts with their denominators.

JSON (`versions`): {X.Y: {checklist, submissions, strict, lenient, not_judged, must,
should, paths {submissions, strict, lenient, not_judged}, requirements {id: {level,
category, denominator, counts {status: n}, paths {status: [path]}, implemented_rate}}}}.
Status keys are the normalized statuses ("" for an empty one, "other" for text kaic does
not recognise) plus "missing" for a requirement the file leaves out.
"""

from __future__ import annotations

from typing import Any

from ...analysis import MISSING
from ...model import Status, Submission
from ...words import plural_word
from ..escape import md_code, md_text
from ..markup import Footnotes, fraction, join_blocks, table
from ..section import ReportContext, Rows
from ..shared import analysis

KEY = "versions"
COLUMNS = (
    (Status.IMPLEMENTED.value, "Implemented"),
    (Status.PARTIAL.value, "Partial"),
    (Status.NOT_IMPLEMENTED.value, "Not impl."),
    (Status.NA.value, "N/A"),
    (Status.EMPTY.value, "Empty"),
    (MISSING, "Missing"),
    (Status.OTHER.value, "Invalid"),
)


class VersionsSection:
    key = KEY
    title = "Conformance by requirement, per version"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        out: dict[str, Any] = {}
        for version, matrix in an.matrices.items():
            paths = list(an.inventory.by_version.get(version, ()))
            verdicts = [an.verdicts[p] for p in paths]
            strict = [v.path for v in verdicts if v.strict]
            lenient = [v.path for v in verdicts if v.lenient]
            unjudged = [v.path for v in verdicts if v.strict is None]
            reqs: dict[str, Any] = {}
            for rid, tally in an.tallies[version].items():
                reqs[rid] = {
                    "level": tally.level,
                    "category": tally.category,
                    "denominator": tally.denominator,
                    "counts": tally.counts,
                    "paths": {k: list(v) for k, v in tally.paths.items() if v},
                    "implemented_rate": tally.rate,
                }
            out[version] = {
                "checklist": matrix.checklist,
                "submissions": len(paths),
                "strict": len(strict),
                "lenient": len(lenient),
                "not_judged": len(unjudged),
                "must": sum(1 for c in matrix.columns if c.is_must) if matrix.checklist else 0,
                "should": sum(1 for c in matrix.columns if c.level.upper() == "SHOULD") if matrix.checklist else 0,
                "paths": {"submissions": paths, "strict": strict, "lenient": lenient, "not_judged": unjudged},
                "requirements": reqs,
            }
        return out

    def markdown(self, data: Any) -> str:
        notes = Footnotes(KEY)
        blocks = ["Counts per requirement of each version's checklist. The denominator of a "
                  "requirement is the number of that version's submissions: every one of them "
                  "was asked to answer it. *Empty* is a blank status, *Missing* a requirement "
                  "the file leaves out, *Invalid* a status kaic cannot read."]
        for version, v in data.items():
            head = f"### v{md_text(version)}"
            total = v["submissions"]
            sub_note = notes.count(total, v["paths"]["submissions"], f"v{version} submissions")
            every = (v["paths"]["submissions"], f"v{version} submissions")
            if not v["checklist"]:
                blocks += [head, f"{sub_note} {plural_word('submission', total)}; no readable checklist for this version, "
                           "so no requirement can be rated and no submission judged."]
                continue
            if not total:
                blocks += [head, f"No submission yet for `{md_text(v['checklist'])}` "
                           f"({v['must']} MUST, {v['should']} SHOULD)."]
                continue
            used = [(k, label) for k, label in COLUMNS
                    if k in (Status.IMPLEMENTED.value, Status.PARTIAL.value, Status.NOT_IMPLEMENTED.value, Status.NA.value)
                    or any(r["counts"].get(k) for r in v["requirements"].values())]
            rows = []
            for rid, r in v["requirements"].items():
                cells = []
                for k, label in used:
                    n = r["counts"].get(k, 0)
                    cells.append(notes.count(n, r["paths"].get(k, []), f"{rid}, {label}, v{version}",
                                             every))
                rate = fraction(r["counts"].get(Status.IMPLEMENTED.value, 0), r["denominator"])
                rows.append([md_text(r["category"]), md_code(rid), md_text(r["level"]), *cells, rate])
            summary = (f"{sub_note} {plural_word('submission', total)} against `{md_text(v['checklist'])}` "
                       f"({v['must']} MUST, {v['should']} SHOULD). Full conformance: strict "
                       f"{notes.count(v['strict'], v['paths']['strict'], f'strictly conformant in v{version}', every)}/{total}, "
                       f"lenient {notes.count(v['lenient'], v['paths']['lenient'], f'leniently conformant in v{version}', every)}/{total}"
                       " ([rules](#conformance)).")
            blocks += [head, summary,
                       table(["Category", "Requirement", "Level", *[label for _, label in used], "Implemented rate"],
                             rows, ["l", "l", "l", *["r"] * len(used), "r"])]
        blocks.append(notes.render())
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        keys = [k for k, _ in COLUMNS]
        rows: Rows = [["version", "requirement", "category", "level", "denominator",
                       *[label.lower().replace(" ", "_").replace(".", "") for _, label in COLUMNS],
                       "implemented_rate"]]
        for version, v in data.items():
            for rid, r in v["requirements"].items():
                rows.append([version, rid, r["category"], r["level"], r["denominator"],
                             *[r["counts"].get(k, 0) for k in keys],
                             "" if r["implemented_rate"] is None else round(r["implemented_rate"], 4)])
        return {"requirements_by_version": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = VersionsSection()
