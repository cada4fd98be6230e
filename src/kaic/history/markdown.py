"""Markdown (and plain text) from the history data of `history.data`, and nothing else.

Vendor text goes through `report.escape` like every other Markdown kaic writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import version_key
from ..report.escape import md_code, md_text
from ..report.markup import join_blocks, percent, submission_link, table

STATUS_WORDS = {"current": "current", "expired": "expired", "withdrawn": "withdrawn", "pending": "not yet merged"}
MILESTONES = (5, 10, 20, 50, 100)


def _day(iso: str | None) -> str:
    return md_text(iso[:10]) if iso else "–"


def _commit(at: dict[str, Any] | None) -> str:
    if not at:
        return "–"
    return f"{_day(at['date'])} ({md_code(at['commit'][:7])})"


def _days_left(c: dict[str, Any]) -> str:
    if c.get("status") != "current":
        return ""
    return f", {c['days_left']} days left"


def certifications_md(certs: Sequence[dict[str, Any]], *, link: bool = False) -> str:
    if not certs:
        return "No PRODUCT.yaml has reached the main line."
    rows = []
    for c in certs:
        where = submission_link(c["path"]) if link and c.get("status") != "withdrawn" else md_code(c["path"])
        changes = str(len(c["changes"]))
        if c["changes"]:
            changes += f" (last {_day(c['changes'][-1]['date'])})"
        status = STATUS_WORDS.get(c.get("status", ""), md_text(c.get("status", "")))
        if c.get("withdrawn"):
            status = f"withdrawn {_commit(c['withdrawn'])}"
        if c.get("renamed_from"):
            status += "; renamed from " + ", ".join(md_code(r["path"]) for r in c["renamed_from"])
        rows.append([where, f"v{md_text(c['version'])}", md_text(c["vendor"]) or "–", md_text(c["platform"]) or "–",
                     _commit(c["certified"]), changes, md_text(c["expires"]), status + _days_left(c)])
    return table(["Submission", "Version", "Vendor", "Platform", "Certified (merge)", "Changes", "Expires", "Status"],
                 rows, ["l", "l", "l", "l", "l", "r", "l", "l"])


def _names(certs: Sequence[dict[str, Any]]) -> str:
    """`Platform (Vendor, v1.34, expires 2026-10-30)` for each certification."""
    out = []
    for c in certs:
        who = md_text(c["platform"] or c["product"])
        vendor = f"{md_text(c['vendor'])}, " if c["vendor"] and c["vendor"] != c["platform"] else ""
        out.append(f"{who} ({vendor}v{md_text(c['version'])}, {md_text(c['expires'])})")
    return "; ".join(out)


def expiry_md(e: dict[str, Any]) -> str:
    lines = [f"As of {md_text(e['as_of'])}: {len(e['current'])} current certifications, "
             f"{len(e['expiring'])} expiring within {e['within_days']} days, {len(e['expired'])} expired, "
             f"{len(e['withdrawn'])} withdrawn. A certification is valid for one year from the merge of its "
             "pull request; `expires` is the first day it is no longer valid."]
    if e["expiring"]:
        lines.append(f"**Expiring within {e['within_days']} days:** {_names(e['expiring'])}.")
    if e["expired"]:
        lines.append(f"**Expired:** {_names(e['expired'])}.")
    if e["withdrawn"]:
        lines.append("**Withdrawn from the main line:** " + ", ".join(
            f"{md_code(c['path'])} ({_commit(c['withdrawn'])})" for c in e["withdrawn"]) + ".")
    newest = e.get("newest_version")
    if newest:
        vendors = e["vendors_without_newest"]
        if vendors:
            items = []
            for v in vendors:
                held = ", ".join(f"v{md_text(x)}" for x in v["current_versions"]) or "nothing current"
                items.append(f"{md_text(v['name'])} ({held})")
            lines.append(f"**Vendors with no current v{md_text(newest)} certification** ({len(vendors)}): "
                         + "; ".join(items) + ".")
        else:
            lines.append(f"Every vendor holds a current v{md_text(newest)} certification.")
    return join_blocks(*lines)


def commits_md(commits: Sequence[dict[str, Any]]) -> str:
    """One row per commit whose figures differ from the commit before."""
    if not commits:
        return "No commit in range."
    versions = sorted({v for c in commits for v in c["per_version"]}, key=version_key)
    rows = []
    previous: tuple[Any, ...] | None = None
    for c in commits:
        key = (c["per_version"], c["conformance"], c["overall"], c["adoption"])
        if key == previous:
            continue
        previous = key
        conf = c["conformance"]
        top = ", ".join(f"{md_text(a['name'])} {a['count']}" for a in (c["adoption"] or [])[:3]) or "–"
        rows.append([_day(c["date"]), md_code(c["commit"][:7]),
                     *[str(c["per_version"].get(v, 0)) for v in versions], str(c["submissions"]),
                     f"{conf['strict']}/{conf['judged']}", f"{conf['lenient']}/{conf['judged']}", top])
    skipped = len(commits) - len(rows)
    note = (f"{len(commits)} commits walked; {skipped} left out below because their figures equal the "
            "commit before (documentation and tooling changes).") if skipped else f"{len(commits)} commits walked."
    return join_blocks(note, table(["Date", "Commit", *[f"v{md_text(v)}" for v in versions], "Total",
                                    "Strict", "Lenient", "Most adopted"], rows,
                                   ["l", "l", *["r"] * len(versions), "r", "r", "r", "l"]))


def trends_md(t: dict[str, Any], milestones: Sequence[int] = MILESTONES) -> str:
    blocks = []
    pace = t["time_to_nth"]
    if pace:
        top = max(len(p["submissions"]) for p in pace)
        shown = [n for n in milestones if n <= top] or [top]
        rows = []
        for p in pace:
            cells = []
            for n in shown:
                m = p["submissions"][n - 1] if n <= len(p["submissions"]) else None
                cells.append(f"{m['days']} days ({_day(m['date'])})" if m else "–")
            rows.append([f"v{md_text(p['version'])}", _day(p["first"]["date"]), str(len(p["submissions"])), *cells])
        blocks.append("**Time from a version's first submission to its n-th** (main-line merges, withdrawn "
                      "submissions included; a product certified again for the same version counts once):")
        blocks.append(table(["Version", "First", "Submissions", *[f"{n}th" for n in shown]], rows,
                            ["l", "l", "r", *["r"] * len(shown)]))
        again = [f"{md_code(m['path'])} (v{md_text(p['version'])}: first {_day(m['date'])}, again "
                 + ", ".join(_day(a["date"]) for a in m["again"]) + ")"
                 for p in pace for m in p["submissions"] if m.get("again")]
        if again:
            blocks.append("Certified again after a withdrawal (counted once, at the first merge): "
                          + "; ".join(again) + ".")
    spv = t["submissions_per_version"]
    months = _month_ends(spv["points"])
    if months:
        heads = [md_text(m) for m, _ in months]
        rows = [[f"v{md_text(v)}", *[str(spv["points"][i]["counts"].get(v, 0)) for _, i in months]]
                for v in spv["versions"]]
        rows.append(["Total", *[str(spv["points"][i]["total"]) for _, i in months]])
        blocks.append("**Submissions per version** at the end of each month:")
        blocks.append(table(["Version", *heads], rows, ["l", *["r"] * len(months)]))
        rr = t["requirement_rates"]
        rows = []
        for rid in rr["requirements"]:
            cells = []
            for _, i in months:
                p = rr["points"][i]
                n, d = p["implemented"].get(rid, 0), p["denominators"].get(rid, 0)
                cells.append(f"{percent(n, d)} ({n}/{d})" if d else "–")
            rows.append([md_code(rid), *cells])
        if rows:
            blocks.append("**Requirement implementation rates** at the end of each month (Implemented over the "
                          "submissions whose checklist has the requirement):")
            blocks.append(table(["Requirement", *heads], rows, ["l", *["r"] * len(months)]))
        ca = t.get("component_adoption")
        if ca and ca["projects"]:
            rows = [[md_text(p["name"]), *[f"{ca['points'][i]['counts'].get(p['repo'], 0)}/"
                                           f"{ca['points'][i]['submissions']}" for _, i in months]]
                    for p in ca["projects"]]
            blocks.append("**Component adoption** at the end of each month (submissions naming the project), "
                          "top projects now:")
            blocks.append(table(["Project", *heads], rows, ["l", *["r"] * len(months)]))
    return join_blocks(*blocks) if blocks else "No commit in range."


def _month_ends(points: Sequence[dict[str, Any]], limit: int = 12) -> list[tuple[str, int]]:
    """(YYYY-MM, index of the month's last point) for months with submissions, the last `limit`."""
    ends: dict[str, int] = {}
    for i, p in enumerate(points):
        if p.get("total", 1):
            ends[p["date"][:7]] = i
    return list(ends.items())[-limit:]


def history_md(h: dict[str, Any]) -> str:
    src = h["source"]
    head = src["head"]
    intro = (f"Repository: {md_text(src['location'])}, {md_code(src['ref'])} = {md_code(head['commit'][:12])} "
             f"({_day(head['date'])}). Statuses as of {md_text(h['as_of'])}. Certification dates are the main-line "
             "merges that added each PRODUCT.yaml.")
    certs = h["certifications"]
    counts = {s: sum(1 for c in certs if c.get("status") == s) for s in ("current", "expired", "withdrawn")}
    summary = (f"{len(certs)} certifications: {counts['current']} current, {counts['expired']} expired, "
               f"{counts['withdrawn']} withdrawn.")
    return join_blocks(
        "# kaic history", intro,
        "## Certifications", summary, certifications_md(certs),
        "## Per-commit figures", commits_md(h["commits"]),
        "## Trends", trends_md(h["trends"]),
    ) + "\n"


def expiry_text(e: dict[str, Any]) -> str:
    """Plain text for a terminal."""
    out = [f"As of {e['as_of']}: {len(e['current'])} current, {len(e['expiring'])} expiring within "
           f"{e['within_days']} days, {len(e['expired'])} expired, {len(e['withdrawn'])} withdrawn."]

    def line(c: dict[str, Any], tail: str) -> str:
        who = c["platform"] or c["product"]
        if c["vendor"] and c["vendor"] != c["platform"]:
            who += f" ({c['vendor']})"
        return f"  {_plain(c['path'])}  {_plain(who)}  certified {c['certified']['date'][:10]}, {tail}"

    if e["expiring"]:
        out.append(f"\nExpiring within {e['within_days']} days:")
        out += [line(c, f"expires {c['expires']} ({c['days_left']} days left)") for c in e["expiring"]]
    if e["expired"]:
        out.append("\nExpired:")
        out += [line(c, f"expired {c['expires']}") for c in e["expired"]]
    if e["withdrawn"]:
        out.append("\nWithdrawn:")
        out += [line(c, f"withdrawn {c['withdrawn']['date'][:10]} ({c['withdrawn']['commit'][:7]})")
                for c in e["withdrawn"]]
    if e.get("newest_version"):
        vendors = e["vendors_without_newest"]
        out.append(f"\nVendors with no current v{e['newest_version']} certification: {len(vendors)}")
        for v in vendors:
            held = ", ".join("v" + x for x in v["current_versions"]) or "nothing current"
            out.append(f"  {_plain(v['name'])} ({held})")
    return "\n".join(out) + "\n"


def _plain(text: str) -> str:
    """Vendor text on one line without terminal control characters."""
    return "".join(ch if ch.isprintable() else " " for ch in " ".join(str(text).split()))
