"""A delta (see `baseline.diff`) as plain text, Markdown or JSON."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..channels import json_text
from ..components.delta import markdown_lines as component_markdown_lines
from ..components.delta import text_lines as component_text_lines
from ..report.escape import md_code, md_text
from ..report.markup import table
from ..source import public_location

DIFF_FORMATS = ("text", "md", "json")
_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x85\u2028\u2029]")


def side_label(source: dict[str, Any]) -> str:
    """"<location> @ <short commit> (<date>)", from what the side knows."""
    parts = [public_location(str(source.get("location") or "?"))]
    commit = source.get("commit")
    if commit:
        parts.append(f"@ {str(commit)[:12]}")
    elif source.get("ref"):
        parts.append(f"@ {source['ref']}")
    if source.get("date"):
        parts.append(f"({source['date']})")
    return _one_line(" ".join(parts))


def _one_line(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else "—"


def _who(entry: dict[str, Any]) -> str:
    bits = [b for b in (entry.get("vendor"), entry.get("platform")) if b]
    return _one_line(" — ".join(bits)) if bits else "(no vendorName)"


def _status(value: str | None) -> str:
    if value is None:
        return "absent"
    return repr(value) if value in ("",) else value


BACKING_WORDS = {"verified": "machine-verified (a passing automated test)", "self-assessed": "self-assessed"}


def _backing(value: str) -> str:
    return BACKING_WORDS.get(value, f"test artifact {value}")


def _summary_line(delta: dict[str, Any], arrow: str = "->") -> str:
    t, subs = delta["totals"], delta["submissions"]
    return (f"Submissions: {t['old']['submissions']} {arrow} {t['new']['submissions']} "
            f"(+{len(subs['added'])} added, -{len(subs['removed'])} removed, {len(subs['changed'])} changed, "
            f"{subs['unchanged']} unchanged); vendors: {t['old']['vendors']} {arrow} {t['new']['vendors']}")


def text(delta: dict[str, Any]) -> str:
    out = [f"kaic diff: {side_label(delta['old'])}", f"       ->  {side_label(delta['new'])}", "",
           _summary_line(delta)]
    versions = delta["versions"]
    if versions["added"] or versions["removed"]:
        out += ["", "Versions:"]
        out += [f"  + v{_one_line(v)}" for v in versions["added"]] + [f"  - v{_one_line(v)}" for v in versions["removed"]]
    subs = delta["submissions"]
    for title, mark, entries in (("Added submissions", "+", subs["added"]), ("Removed submissions", "-", subs["removed"])):
        if entries:
            out += ["", f"{title} ({len(entries)}):"]
            out += [f"  {mark} {_one_line(e['path'])}  {_who(e)}" for e in entries]
    if subs["changed"]:
        out += ["", f"Changed submissions ({len(subs['changed'])}):"]
        for entry in subs["changed"]:
            out.append(f"  ~ {_one_line(entry['path'])}  {_who(entry)}")
            for s in entry["statuses"]:
                out.append(f"      status {_one_line(s['requirement'])}: {_one_line(_status(s['old']))} -> "
                           f"{_one_line(_status(s['new']))}")
            for e in entry["evidence"]:
                out.append(f"      evidence {_one_line(e['requirement'])}:" + (" reordered" if e.get("reordered") else ""))
                out += [f"        + {_one_line(x)}" for x in e["added"]]
                out += [f"        - {_one_line(x)}" for x in e["removed"]]
            for m in entry["metadata"]:
                out.append(f"      metadata {_one_line(m['field'])}: {_one_line(m['old'])} -> {_one_line(m['new'])}")
            if entry["notes"]:
                out.append("      notes changed: " + ", ".join(_one_line(n) for n in entry["notes"]))
            for v in entry.get("verification", []):
                out.append(f"      verification {_one_line(v['requirement'])}: {_backing(v['old'])} -> {_backing(v['new'])}")
    if delta["checklists"]:
        out += ["", "Checklists:"]
        for c in delta["checklists"]:
            out.append(f"  {_one_line(c['change'])}: v{_one_line(c['version'])}")
            out += _checklist_lines(c, _one_line, _one_line)
    out += component_text_lines(delta.get("components") or {})
    if len(out) == 4:
        out += ["", "No differences."]
    # Every entry is one line: a line break inside a value (a folder name, a version string
    # from a baseline file) can never start a forged line.
    return "\n".join(_LINE_BREAK.sub(" ", line) for line in out) + "\n"


def _checklist_lines(c: dict[str, Any], quote: Callable[[str], str], say: Callable[[Any], str]) -> list[str]:
    """The lines of one checklist change; `quote` renders ids and field names, `say` any other
    checklist text (levels, categories): both come from a pull request and are untrusted."""
    req = c["requirements"]
    if c["change"] == "added":
        listed = ", ".join(f"{quote(r['id'])} ({say(r['level'])})" for r in req["added"])
        return [f"      new checklist, {len(req['added'])} requirements: {listed}"]
    if c["change"] == "removed":
        return [f"      checklist removed ({len(req['removed'])} requirements)"]
    lines = [f"      + {quote(r['id'])} ({say(r['level'])})" for r in req["added"]]
    lines += [f"      - {quote(r['id'])} ({say(r['level'])})" for r in req["removed"]]
    lines += [f"      level {quote(r['id'])}: {say(r['old'])} -> {say(r['new'])}" for r in req["level"]]
    lines += [f"      category {quote(r['id'])}: {say(r['old'])} -> {say(r['new'])}" for r in req["category"]]
    lines += [f"      description edited: {quote(r)}" for r in req["description"]]
    fields = c["metadata_fields"]
    lines += [f"      + metadata field {quote(f)}" for f in fields["added"]]
    lines += [f"      - metadata field {quote(f)}" for f in fields["removed"]]
    return lines


def markdown(delta: dict[str, Any]) -> str:
    subs = delta["submissions"]
    out = ["# kaic diff", "",
           table(["", "Source"], [["old", md_text(side_label(delta["old"]))],
                                  ["new", md_text(side_label(delta["new"]))]]),
           "", md_text(_summary_line(delta, "→"))]
    versions = delta["versions"]
    if versions["added"] or versions["removed"]:
        out += ["", "## Versions", ""]
        out += [f"- added: v{md_text(v)}" for v in versions["added"]]
        out += [f"- removed: v{md_text(v)}" for v in versions["removed"]]
    for title, entries in (("Added submissions", subs["added"]), ("Removed submissions", subs["removed"])):
        if entries:
            out += ["", f"## {title} ({len(entries)})", "",
                    table(["Submission", "Vendor", "Platform"],
                          [[md_code(e["path"]), md_text(e["vendor"]), md_text(e["platform"])] for e in entries])]
    if subs["changed"]:
        out += ["", f"## Changed submissions ({len(subs['changed'])})"]
        for entry in subs["changed"]:
            out += ["", f"### {md_code(entry['path'])} — {md_text(_who(entry))}", ""]
            rows: list[list[str]] = []
            for s in entry["statuses"]:
                rows.append(["status", md_code(s["requirement"]), md_text(_status(s["old"])), md_text(_status(s["new"]))])
            for e in entry["evidence"]:
                rows.append(["evidence", md_code(e["requirement"]),
                             "<br>".join(md_text(x) for x in e["removed"]) or ("(reordered)" if e.get("reordered") else ""),
                             "<br>".join(md_text(x) for x in e["added"])])
            for m in entry["metadata"]:
                rows.append(["metadata", md_code(m["field"]), md_text(_one_line(m["old"])), md_text(_one_line(m["new"]))])
            for rid in entry["notes"]:
                rows.append(["notes", md_code(rid), "(edited)", ""])
            for v in entry.get("verification", []):
                rows.append(["verification", md_code(v["requirement"]), md_text(_backing(v["old"])),
                             md_text(_backing(v["new"]))])
            out.append(table(["Change", "Field", "Old", "New"], rows))
    if delta["checklists"]:
        out += ["", "## Checklists", ""]
        for c in delta["checklists"]:
            out.append(f"- v{md_text(c['version'])}: {md_text(c['change'])}")
            out += ["  " + line.strip() for line in _checklist_lines(c, md_code, md_text)]
    out += component_markdown_lines(delta.get("components") or {})
    return "\n".join(out) + "\n"


def json(delta: dict[str, Any]) -> str:
    return json_text(delta, indent=2) + "\n"


RENDER: dict[str, Callable[[dict[str, Any]], str]] = {"text": text, "md": markdown, "json": json}
