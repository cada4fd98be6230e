"""Key statistics: the program in a dozen figures, each with the rows behind it.

JSON (`summary`): {submissions {count, paths}, per_version [{version, count, paths,
checklist}], vendors {count, names}, multi_version_vendors [{key, name, versions}],
multi_version_platforms [{vendor, product, name, versions, paths}], conformance {judged,
strict {count, paths}, lenient {count, paths}}, findings {error, warning, info,
submissions_with_errors}}.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ...rules import Severity
from ..escape import md_text
from ..markup import Footnotes, fraction, join_blocks, links, table
from ..section import ReportContext, Rows
from ..shared import analysis

KEY = "summary"


class SummarySection:
    key = KEY
    title = "Key statistics"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        inv = an.inventory
        paths = [s.path for s in ctx.state.submissions]
        judged = [p for p, v in an.verdicts.items() if v.strict is not None]
        findings = ctx.validation.findings
        with_errors = sorted({f.path for f in findings if f.severity is Severity.ERROR})
        return {
            "submissions": {"count": len(paths), "paths": paths},
            "per_version": [{"version": v, "count": len(p), "paths": list(p),
                             "checklist": v in ctx.state.checklists} for v, p in inv.by_version.items()],
            "vendors": {"count": len(inv.named_vendors), "names": [v.name for v in inv.named_vendors],
                        "without_name": [p for v in inv.vendors if not v.key for p in v.submissions]},
            "multi_version_vendors": [{"key": v.key, "name": v.name, "versions": list(v.versions)}
                                      for v in inv.multi_version_vendors],
            "multi_version_platforms": [{"vendor": _name(inv, p.vendor), "vendor_key": p.vendor, "product": p.product, "name": p.name,
                                         "versions": list(p.versions), "paths": list(p.submissions)}
                                        for p in inv.multi_version_platforms],
            "conformance": {"judged": len(judged),
                            "strict": {"count": len(an.conformant()), "paths": list(an.conformant())},
                            "lenient": {"count": len(an.conformant(lenient=True)),
                                        "paths": list(an.conformant(lenient=True))}},
            "findings": {**{s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
                         "submissions_with_errors": with_errors},
        }

    def markdown(self, data: Any) -> str:
        notes = Footnotes(KEY)
        subs = data["submissions"]
        rows: list[list[str]] = [["Submissions", notes.count(subs["count"], subs["paths"], "all submissions")]]
        for v in data["per_version"]:
            label = f"Kubernetes v{md_text(v['version'])} submissions" + ("" if v["checklist"] else " (no checklist)")
            rows.append([label, notes.count(v["count"], v["paths"], f"v{v['version']}")])
        vendors = data["vendors"]
        vendor_note = notes.cite("; ".join(md_text(n) for n in vendors["names"]) + " ([vendors](#vendors))") \
            if vendors["names"] else ""
        rows.append(["Distinct vendors", f"{vendors['count']}{vendor_note}"])
        if vendors["without_name"]:
            rows.append(["Submissions without vendorName",
                         notes.count(len(vendors["without_name"]), vendors["without_name"])])
        multi = data["multi_version_vendors"]
        rows.append(["Vendors in several versions", f"{len(multi)}" + (notes.cite("; ".join(
            f"{md_text(m['name'])} ({', '.join('v' + md_text(x) for x in m['versions'])})" for m in multi)) if multi else "")])
        plats = data["multi_version_platforms"]
        rows.append(["Platforms certified for several versions", f"{len(plats)}" + (notes.cite("; ".join(
            f"{md_text(p['name'])}: {links(p['paths'])}" for p in plats)) if plats else "")])
        conf = data["conformance"]
        judged = conf["judged"]
        judged_paths = [p for p in subs["paths"] if judged == subs["count"]]
        for rule, label in (("strict", "every MUST Implemented"), ("lenient", "every MUST Implemented or N/A with notes")):
            c = conf[rule]
            shown = fraction(c["count"], judged)
            if c["count"]:
                members = set(c["paths"])
                missing = [p for p in judged_paths if p not in members]
                if judged_paths and not missing:
                    text = f"{rule} full conformance: all {c['count']} submissions"
                elif judged_paths and len(missing) < len(members):
                    text = f"{rule} full conformance: every submission except " + links(missing)
                else:
                    text = f"{rule} full conformance: " + links(c["paths"])
                shown += notes.cite(text + " ([rules](#conformance))")
            rows.append([f"Full conformance, {rule} ({label})", shown])
        if judged != subs["count"]:
            rows.append(["Not judged (no checklist or unreadable file)", str(subs["count"] - judged)])
        f = data["findings"]
        rows.append(["Validation findings (error / warning / info)",
                     f"[{f['error']} / {f['warning']} / {f['info']}](#findings)"])
        rows.append(["Submissions with an error finding",
                     notes.count(len(f["submissions_with_errors"]), f["submissions_with_errors"])])
        return join_blocks(table(["Metric", "Value"], rows, ["l", "r"]), notes.render())

    def csv(self, data: Any) -> dict[str, Rows]:
        return {}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = SummarySection()


def _name(inv: Any, key: str) -> str:
    vendor = inv.vendor(key)
    return vendor.name if vendor is not None and vendor.name else key
