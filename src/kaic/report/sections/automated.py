"""Automated verification: which answers a passing automated test backs, per version and requirement.

An answer is *verified* when it cites a test artifact (JUnit XML, go test output,
Ginkgo, CTRF) holding a passing test that proves the requirement (its `#fragment`
or data/test_map.yaml) and no failing test; *failing* when a cited test fails, is
missing or skipped, or the artifact holds failing tests; *unparsable* when a cited
artifact does not parse; *unchecked* when artifacts are cited but no test is tied
to the requirement; *self-assessed* otherwise. `upstream_rejects` counts answers
citing a file upstream's validator parses by name and rejects.

JSON (`automated_verification`): {totals {answers, verified, failing, unparsable,
unchecked, self_assessed}, versions [{version, requirements [{id, level, answers,
verified, failing, unparsable, unchecked, self_assessed, upstream_rejects}]}],
submissions [{path, version, vendor, platform, artifacts [{path, format,
upstream_error}], passed, failed, skipped, verified [ids]}] (those citing artifacts)}.
Each `submissions[]` entry gains `automated {verified, tests {passed, failed, skipped}}`.
"""

from __future__ import annotations

from typing import Any

from ...artifacts import Backing, SubmissionArtifacts
from ...artifacts.evaluate import evaluate
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import fraction, join_blocks, submission_link, table
from ..section import ReportContext, Rows

KEY = "automated_verification"
KINDS = [b.value for b in Backing]
FIELDS = {b.value: b.value.replace("-", "_") for b in Backing}


def judged(ctx: ReportContext) -> dict[str, SubmissionArtifacts]:
    def compute() -> dict[str, SubmissionArtifacts]:
        return {s.path: evaluate(s, ctx.state.reader, ctx.state.tree) for s in ctx.state.submissions}

    return ctx.memo("automated.judged", compute)


def _tests(j: SubmissionArtifacts) -> dict[str, int]:
    out = {"passed": 0, "failed": 0, "skipped": 0}
    for reading in j.readings().values():
        if reading.parsed is not None:
            t = reading.parsed.tally()
            out["passed"] += t.passed
            out["failed"] += t.failed
            out["skipped"] += t.skipped
    return out


class AutomatedSection:
    key = KEY
    title = "Automated verification"

    def build(self, ctx: ReportContext) -> Any:
        all_judged = judged(ctx)
        totals = {"answers": 0, **dict.fromkeys(FIELDS.values(), 0)}
        versions = []
        for version, checklist in ctx.state.checklists.items():
            subs = [s for s in ctx.state.submissions if s.version == version]
            if not subs:
                continue
            rows = []
            for req in checklist.requirements:
                row: dict[str, Any] = {"id": req.id, "level": req.level, "answers": 0,
                                       **dict.fromkeys(FIELDS.values(), 0), "upstream_rejects": 0}
                for sub in subs:
                    if sub.answer(req.id) is None:
                        continue
                    j = all_judged[sub.path]
                    row["answers"] += 1
                    row[FIELDS[j.backing(req.id).value]] += 1
                    if any(c.requirement == req.id and c.reading.upstream_error for c in j.citations):
                        row["upstream_rejects"] += 1
                for name in ("answers", *FIELDS.values()):
                    totals[name] += row[name]
                rows.append(row)
            versions.append({"version": version, "requirements": rows})
        submissions = []
        for sub in ctx.state.submissions:
            j = all_judged[sub.path]
            if not j.citations:
                continue
            submissions.append({
                "path": sub.path, "version": sub.version, "vendor": sub.vendor, "platform": sub.platform,
                "artifacts": [{"path": r.path, "format": r.format.value if r.format else None,
                               "upstream_error": r.upstream_error} for r in j.readings().values()],
                **_tests(j),
                "verified": sorted({c.requirement for c in j.citations
                                    if j.backing(c.requirement) is Backing.VERIFIED}),
            })
        return {"totals": totals, "versions": versions, "submissions": submissions}

    def markdown(self, data: Any) -> str:
        t = data["totals"]
        blocks = [
            f"{fraction(t['verified'], t['answers'])} answers are backed by a passing automated test; "
            f"{t['failing']} cite artifacts whose tests fail, are missing or skipped, {t['unparsable']} cite "
            f"artifacts that do not parse, {t['unchecked']} cite artifacts tied to no test of the requirement, "
            f"and {t['self_assessed']} are self-assessed only.",
        ]
        for v in data["versions"]:
            rows = [[md_code(r["id"]), md_text(r["level"]), r["answers"], r["verified"], r["failing"], r["unparsable"],
                     r["unchecked"], r["self_assessed"], r["upstream_rejects"]] for r in v["requirements"]]
            blocks.append(f"### v{md_text(v['version'])}")
            blocks.append(table(["Requirement", "Level", "Answers", "Verified", "Failing", "Unparsable", "Unchecked",
                                 "Self-assessed", "Upstream rejects"], rows, ["l", "l", *["r"] * 7]))
        if data["submissions"]:
            blocks.append("### Submissions citing test artifacts")
            rows = [[submission_link(s["path"]), md_text(s["vendor"]),
                     ", ".join(md_code(a["path"].rsplit("/", 1)[-1]) + f" ({md_text(a['format'] or 'unknown')})"
                               for a in s["artifacts"]),
                     s["passed"], s["failed"], s["skipped"], ", ".join(md_code(r) for r in s["verified"]) or "—"]
                    for s in data["submissions"]]
            blocks.append(table(["Submission", "Vendor", "Artifacts", "Passed", "Failed", "Skipped", "Verified"],
                                rows, ["l", "l", "l", "r", "r", "r", "l"]))
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["version", "requirement", "level", "answers", *FIELDS.values(), "upstream_rejects"]]
        for v in data["versions"]:
            rows += [[v["version"], r["id"], r["level"], r["answers"], *(r[f] for f in FIELDS.values()),
                      r["upstream_rejects"]] for r in v["requirements"]]
        subs: Rows = [["path", "version", "vendor", "artifacts", "passed", "failed", "skipped", "verified"]]
        subs += [[s["path"], s["version"], s["vendor"], " ".join(a["path"] for a in s["artifacts"]), s["passed"],
                  s["failed"], s["skipped"], " ".join(s["verified"])] for s in data["submissions"]]
        return {"automated_verification": rows, "automated_submissions": subs}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        j = judged(ctx)[sub.path]
        verified = sorted({c.requirement for c in j.citations if j.backing(c.requirement) is Backing.VERIFIED})
        return {"automated": {"verified": verified, "tests": _tests(j)}}


SECTION = AutomatedSection()
