"""The report as one Markdown document: a header, a table of contents, then each section."""

from __future__ import annotations

from ..build import Report
from ..escape import md_code, md_text
from ..markup import join_blocks

FILENAME = "report.md"


def _header(report: Report) -> str:
    src = report.data["source"]
    where = md_text(src.get("location") or "?")
    if src.get("commit"):
        where += f" at commit {md_code(src['commit'][:12])}"
    if src.get("date"):
        where += f" ({md_text(src['date'])})"
    judged = ""
    if src.get("as_of"):
        judged = f" Certification statuses are judged as of {md_text(src['as_of'])}"
        judged += f" ({md_text(src['as_of_reason'])})." if src.get("as_of_reason") else "."
    if src.get("current_only"):
        n = len(src.get("left_out") or [])
        judged += (" Only current certifications are counted (`--current`): every rate, count and table below "
                   f"leaves out the {n} submission{'s' if n != 1 else ''} whose certification is not current "
                   "on that day.")
    contents = "\n".join(f"- [{md_text(s['title'])}](#{s['key']})" for s in report.data["sections"])
    return join_blocks(
        f"# {md_text(report.title)}",
        f"Repository state: {where}. Made by kaic {md_text(report.data['kaic_version'])} from the "
        "checklists and PRODUCT.yaml files alone; every figure links to the submissions it counts." + judged,
        contents,
    )


def render(report: Report) -> str:
    blocks = [_header(report)]
    for built in report.sections:
        body = built.section.markdown(built.data)
        blocks.append(f'<a id="{built.section.key}"></a>\n\n## {md_text(built.section.title)}\n\n{body}')
    if report.data.get("errors"):
        lines = [f"- {md_code(e['section'])}: {md_text(e['message'])}" for e in report.data["errors"]]
        blocks.append("## Sections that failed\n\nPlease report these as kaic bugs.\n\n" + "\n".join(lines))
    return join_blocks(*blocks) + "\n"
