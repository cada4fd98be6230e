"""Certification timeline: when each submission reached the main line, its later
changes, its expiry (one year after the merge) and its withdrawal.

JSON (`timeline`): {as_of, within_days, newest_version, head {commit, date},
certifications [{path, version, product, vendor, platform, certified {commit, date},
changes [{commit, date}], expires, withdrawn {commit, date} | null, renamed_from [{path,
commit, date}], status, days_left}], expiring, expired, withdrawn, current (the same
entries), vendors_without_newest [{key, name, current_versions, latest}]}. Each
`submissions[]` entry gains `certified`, `expires`, `changes` and `certification_status`.
Left out when the source has no git history (the bundled sample).
"""

from __future__ import annotations

from typing import Any

from ...history.data import certification, expiry_data
from ...history.expiry import expiry, platform_lines, platform_status
from ...history.markdown import certifications_md, expiry_md
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, table
from ..section import ReportContext, Rows
from ..shared import vendor_groups
from ._history import history, within

KEY = "timeline"


class TimelineSection:
    key = KEY
    title = "Certification timeline"

    def build(self, ctx: ReportContext) -> Any:
        h = history(ctx, figures=False)
        if h is None:
            return None
        groups = vendor_groups(ctx)
        e = expiry(h.certifications, h.as_of, within(ctx), h.newest_version, groups)
        lines = platform_lines(h.certifications, h.as_of)
        certs = []
        for c in h.certifications:
            entry = certification(c, h.as_of, groups)
            entry["platform_status"] = platform_status(c, h.as_of, lines)
            certs.append(entry)
        platforms = [{"vendor": groups.display(line.certifications[-1].vendor), "vendor_key": line.vendor,
                      "product": line.product, "platform": line.platform, "status": line.status,
                      "current_versions": list(line.current),
                      "certifications": [{"path": c.path, "version": c.version, "status": c.status(h.as_of),
                                          "platform_status": platform_status(c, h.as_of, lines)}
                                         for c in line.certifications]}
                     for line in lines]
        return {
            **expiry_data(e),
            "head": {"commit": h.head.oid, "date": h.head.date},
            "certifications": certs,
            "platforms": platforms,
        }

    def markdown(self, data: Any) -> str:
        head = data["head"]
        lead = (f"Walked the main line up to {md_code(head['commit'][:12])} ({md_text(head['date'][:10])}); "
                "a submission is certified by the merge that brought its PRODUCT.yaml onto the main line.")
        return join_blocks(lead, expiry_md(data), _platforms_md(data),
                           certifications_md(data["certifications"], link=True))

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["path", "version", "vendor", "platform", "certified_commit", "certified_date", "changes",
                       "last_change", "expires", "status", "days_left", "withdrawn_commit", "withdrawn_date"]]
        for c in data["certifications"]:
            w = c["withdrawn"] or {}
            rows.append([c["path"], c["version"], c["vendor"], c["platform"], c["certified"]["commit"],
                         c["certified"]["date"], len(c["changes"]), c["changes"][-1]["date"] if c["changes"] else "",
                         c["expires"], c["status"], c["days_left"], w.get("commit", ""), w.get("date", "")])
        return {"certifications": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        h = history(ctx, figures=False)
        if h is None:
            return {}
        c = h.by_path().get(sub.path)
        if c is None or c.withdrawn is not None:
            return {}
        return {"certified": c.certified.as_dict(), "expires": c.expires.isoformat(),
                "changes": [a.as_dict() for a in c.changes], "certification_status": c.status(h.as_of)}


SECTION = TimelineSection()


def _platforms_md(data: Any) -> str:
    platforms = data.get("platforms") or []
    if not platforms:
        return ""
    current = [p for p in platforms if p["status"] == "current"]
    certs = data["certifications"]
    renewed = [c for c in certs if c.get("platform_status") == "renewed"]
    lapsed = [c for c in certs if c.get("platform_status") == "lapsed"]
    lead = (f"**Platforms** (a product line followed across versions; the program treats a platform as certified "
            f"while one of its certifications is current): {len(platforms)} platforms, {len(current)} current, "
            f"{len(platforms) - len(current)} lapsed. Of the certifications that are no longer current, "
            f"{len(renewed)} belong to a platform certified again for a newer version (renewed) and {len(lapsed)} "
            "to a platform with nothing current (lapsed). `kaic report --current` counts current certifications only.")
    rows = []
    for p in platforms:
        versions = ", ".join(f"v{md_text(c['version'])} {md_text(c['platform_status'])}" for c in p["certifications"])
        rows.append([md_text(p["platform"]) or md_code(p["product"]), md_text(p["vendor"]), md_text(p["status"]),
                     versions])
    return join_blocks(lead, table(["Platform", "Vendor", "Status", "Certifications"], rows))
