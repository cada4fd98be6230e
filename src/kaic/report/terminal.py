"""The short summary `kaic report` prints on a terminal (the full report goes to a file)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..envelope import published_name
from ..formats._util import one_line
from ..words import plural


def summary_text(data: Mapping[str, Any]) -> str:
    """A dozen lines from the report's JSON document: what a first look needs."""
    summary = data.get("summary") or {}
    subs = summary.get("submissions", {}).get("count", len(data.get("submissions", [])))
    per_version = summary.get("per_version") or []
    vendors = summary.get("vendors", {}).get("count")
    src = data.get("source") or {}
    commit = str(src.get("commit") or "")[:12]
    lines = [f"Kubernetes AI Conformance: {one_line(published_name(src))}" + (f" at {commit}" if commit else ""),
             ""]
    versions = ", ".join(f"v{one_line(str(v['version']))}: {v['count']}" for v in per_version)
    lines.append(f"  {plural(subs, 'submission')}" + (f" ({versions})" if versions else "")
                 + (f" from {plural(vendors, 'vendor')}" if vendors is not None else ""))
    conf = summary.get("conformance") or {}
    if conf:
        judged = conf.get("judged", 0)
        lines.append(f"  full conformance: {conf.get('strict', {}).get('count', 0)} of {judged} strict, "
                     f"{conf.get('lenient', {}).get('count', 0)} of {judged} with justified N/A")
    found = summary.get("findings") or {}
    if found:
        with_errors = len(found.get("submissions_with_errors") or [])
        lines.append(f"  findings: {plural(found.get('error', 0), 'error')}, "
                     f"{plural(found.get('warning', 0), 'warning')}, {found.get('info', 0)} info; "
                     f"{plural(with_errors, 'submission')} with errors")
    timeline = data.get("timeline") or {}
    if "current" in timeline:
        lines.append(f"  certifications: {len(timeline['current'])} current, "
                     f"{len(timeline.get('expiring') or [])} expiring within {timeline.get('within_days')} days, "
                     f"{len(timeline.get('expired') or [])} expired")
    lines += ["", f"The full report ({plural(len(data.get('sections') or []), 'section')}): add one of",
              "  -o report.md              Markdown",
              "  -f html -o report.html    the dashboard",
              "  -f all -o report/         every format, in a folder",
              "or pipe it to a pager: kaic report ... | less"]
    return "\n".join(lines) + "\n"
