"""Solutions by requirement: which project each submission names for gang scheduling,
cluster autoscaling, Gateway API, AI operators, metrics...; accelerator vendors, GPU
sharing techniques, and the DRA approach with the DRA API versions named.

Topics come from `data/solutions.yaml`, answers from the catalog: "not stated" when the
submission names none, "N/A" when the requirement is N/A where the topic allows it. An
answer found outside the topic's requirements (e.g. only in a README) is marked as such.

JSON (`solutions`): {topics: [{key, title, requirements, answered, buckets: [{label, count,
paths}], by_submission {path: {requirement, names, kind, where}}}], accelerators {answered,
buckets}, gpu_sharing {buckets}, dra {approaches: buckets, api_versions: buckets}}.
Each `submissions[]` entry gains `solutions {requirement id: [names]}`, `accelerators[]`,
`gpu_sharing[]` and `dra {approach, api_versions}`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...components.solutions import NOT_STATED
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import Footnotes, join_blocks, percent, submission_link, table
from ..section import ReportContext, Rows
from ._components import component_analysis

KEY = "solutions"


def _buckets(pairs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """(path, label) pairs -> [{label, count, paths}], most common first, "not stated" last."""
    by: dict[str, list[str]] = {}
    for path, label in pairs:
        paths = by.setdefault(label, [])
        if path not in paths:
            paths.append(path)
    ordered = sorted(by.items(), key=lambda kv: (kv[0] == NOT_STATED, -len(kv[1]), kv[0].lower()))
    return [{"label": k, "count": len(v), "paths": v} for k, v in ordered]


class SolutionsSection:
    key = KEY
    title = "Solutions by requirement"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        topics = []
        for topic in ca.spec.topics:
            by_sub: dict[str, dict[str, Any]] = {}
            for path, r in ca.results.items():
                sol = r.solutions.topics.get(topic.key)
                if sol is not None:
                    by_sub[path] = {"requirement": sol.requirement, "names": list(sol.names), "kind": sol.kind,
                                    "where": sol.where}
            per_name = _buckets((p, str(n)) for p, s in by_sub.items() for n in s["names"])
            topics.append({"key": topic.key, "title": topic.title, "requirements": list(topic.requirements),
                           "answered": len(by_sub), "buckets": _buckets((p, s["kind"]) for p, s in by_sub.items()),
                           "names": per_name, "by_submission": by_sub})
        acc = _buckets((p, a) for p, r in ca.results.items() for a in (r.solutions.accelerators or (NOT_STATED,)))
        sharing = _buckets((p, t) for p, r in ca.results.items() for t in (r.solutions.gpu_sharing or (NOT_STATED,)))
        approaches = _buckets((p, r.solutions.dra.approach) for p, r in ca.results.items())
        api = _buckets((p, v) for p, r in ca.results.items() for v in (r.solutions.dra.api_versions or (NOT_STATED,)))
        counts = {p: len(r.solutions.accelerators) for p, r in ca.results.items()}
        return {
            "submissions": len(ca.results),
            "topics": topics,
            "accelerators": {"buckets": acc,
                             "single_vendor": [p for p, n in counts.items() if n == 1],
                             "several_vendors": [p for p, n in counts.items() if n > 1],
                             "none": [p for p, n in counts.items() if n == 0]},
            "gpu_sharing": {"buckets": sharing},
            "dra": {"approaches": approaches, "api_versions": api},
        }

    def markdown(self, data: Any) -> str:
        total = data["submissions"]
        notes = Footnotes(KEY)
        blocks = [f"Per topic, the catalog projects each of the {total} submissions names in the topic's "
                  "requirements (or, failing that, anywhere in the submission, marked †). A submission "
                  "naming several counts in each of their rows; *not stated* means it names none."]

        def bucket_table(buckets: list[dict[str, Any]], of: int, head: str) -> str:
            rows = [[md_text(b["label"]), notes.count(b["count"], b["paths"]), percent(b["count"], of)]
                    for b in buckets]
            out = table([head, "Submissions", f"% of {of}"], rows, ["l", "r", "r"])
            summed = sum(b["count"] for b in buckets)
            seen: dict[str, int] = {}
            for b in buckets:
                for p in b["paths"]:
                    seen[p] = seen.get(p, 0) + 1
            several = sum(1 for n in seen.values() if n > 1)
            if several:
                out = join_blocks(out, f"Several values per submission: {several} of these submissions "
                                       f"{'falls' if several == 1 else 'fall'} in more than one row, so the rows add up to {summed} for {len(seen)} submissions.")
            return out

        for t in data["topics"]:
            blocks.append(f"### {md_text(t['title'])}")
            reqs = ", ".join(md_code(r) for r in t["requirements"])
            blocks.append(f"{t['answered']} of {total} submissions answer {reqs}.")
            if t["names"] != t["buckets"]:
                blocks.append(bucket_table(t["buckets"], t["answered"], "Summary"))
            blocks.append(bucket_table(t["names"], t["answered"], "Solution"))
        blocks.append("### Accelerator vendors")
        acc = data["accelerators"]
        blocks.append(f"{len(acc['several_vendors'])} submissions name more than one accelerator vendor, "
                      f"{len(acc['single_vendor'])} name exactly one and {len(acc['none'])} name none.")
        blocks.append(bucket_table(acc["buckets"], total, "Accelerator"))
        blocks.append("### GPU sharing techniques")
        blocks.append(bucket_table(data["gpu_sharing"]["buckets"], total, "Technique"))
        blocks.append("### DRA approach and DRA API versions")
        blocks.append(bucket_table(data["dra"]["approaches"], total, "Approach"))
        blocks.append(bucket_table(data["dra"]["api_versions"], total, "DRA API version named"))
        paths = list(dict.fromkeys(p for t in data["topics"] for p in t["by_submission"]))
        if paths:
            rows = []
            for p in paths:
                cells = []
                for t in data["topics"]:
                    s = t["by_submission"].get(p)
                    if s is None:
                        cells.append("–")
                        continue
                    text = ", ".join(md_text(n) for n in s["names"])
                    cells.append(text + (" †" if s["where"] == "elsewhere" else ""))
                rows.append([submission_link(p), *cells])
            blocks += ["### By submission", table(["Submission", *[md_text(t["title"]) for t in data["topics"]]], rows)]
        blocks.append(notes.render())
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["submission", "topic", "requirement", "solutions", "summary", "where"]]
        for t in data["topics"]:
            for p, s in t["by_submission"].items():
                rows.append([p, t["key"], s["requirement"], "; ".join(s["names"]), s["kind"], s["where"]])
        return {"solutions": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        r = component_analysis(ctx).result(sub.path)
        if r is None:
            return {}
        s = r.solutions
        return {
            "solutions": s.by_requirement(),
            "accelerators": list(s.accelerators),
            "gpu_sharing": list(s.gpu_sharing),
            "dra": {"approach": s.dra.approach, "api_versions": list(s.dra.api_versions)},
        }


SECTION = SolutionsSection()
