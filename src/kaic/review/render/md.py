"""The one pull-request comment: verdict first, blocking findings, warnings folded, a
table per submission, what changed since the earlier certification.

Vendor text is escaped by `md_text` (which also makes @mentions and #123 references
inert); the comment never exceeds GitHub's limit (MAX_CHARS): it is cut with a note
pointing at the JSON result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from urllib.parse import quote

from ... import __version__
from ...formats._util import display
from ...report.escape import md_code, md_text, md_url
from ...report.markup import table
from ...rules import Finding, Severity
from ...words import plural
from ..previous import Previous
from ..run import Review, SubmissionReview
from ..upstream import upstream_verdict

MARKER = "<!-- kaic-review -->"
MAX_CHARS = 65_536
"""GitHub's limit on an issue comment's body."""
_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
_LIST_LIMIT = 20  # evidence lines shown per change list


def _prose(value: object, max_length: int = 600) -> str:
    return md_text(value, max_length=max_length)  # escaped, @mentions and #123 made inert


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _short(commit: str | None) -> str:
    return (commit or "?")[:12]


def _location(f: Finding, review: Review, link_base: str | None) -> str:
    where = f"{f.path}:{f.line}" if f.line else (f.path or "(pull request)")
    url = None
    if link_base and f.path and review.head.commit:
        url = md_url(f"{link_base.rstrip('/')}/blob/{review.head.commit}/"
                     f"{quote(f.path, safe='/', errors='surrogateescape')}" + (f"#L{f.line}" if f.line else ""))
    return f"[{md_text(where)}]({url})" if url else md_code(where)


def _upstream_note(f: Finding) -> str:
    verdict = upstream_verdict(f)
    if verdict == "fails":
        return f" _Upstream CI fails this too:_ “{_prose(f.upstream, 400)}”"
    if f.severity is not Severity.ERROR:
        return ""
    if verdict == "passes":
        return " _Upstream CI will pass this; kaic recommends the fix._"
    return " _Upstream CI does not check this._"


def _finding_line(f: Finding, review: Review, link_base: str | None) -> str:
    req = f" ({md_code(f.requirement)})" if f.requirement else ""
    head = f"- {_ICON[f.severity]} {_location(f, review, link_base)} {md_code(f.rule)}{req}: {_prose(f.message)}"
    return f"{head}<br>Fix: {_prose(f.hint, 400)}{_upstream_note(f)}"


def _header(review: Review) -> list[str]:
    errors, warnings, notes = (review.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    subjects = ", ".join(s.submission.folder for s in review.submissions) or "no submission"
    verdict = "✅ **kaic review: pass**" if review.passed else "❌ **kaic review: changes needed**"
    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}" + (f", {_plural(notes, 'note')}" if notes else "")
    lines = [f"{verdict} — {counts} · {md_text(subjects, max_length=300)}", MARKER, ""]
    online = "ran" if review.online else "skipped (`--offline`)"
    lines.append(
        f"Base {md_code(_short(review.base.commit))} · head {md_code(_short(review.head.commit))} · "
        f"policy **{md_text(review.policy)}** · online checks {online} · "
        f"{_plural(len(review.selection.changed), 'changed file')}"
    )
    if review.labels:
        lines.append("Labels: " + " ".join(md_code(x) for x in review.labels))
    lines.append("")
    lines.extend(_prediction(review))
    return lines


def _prediction(review: Review) -> list[str]:
    """What upstream's CI will make of this pull request, as far as kaic can tell."""
    policy = {"upstream": "the verdict predicts the upstream validator's CI",
              "faq": "upstream's rules, except that a conditional MUST may be N/A with a justification",
              "kaic": "kaic's own severities (the upstream validator may judge differently)"}.get(review.policy, "")
    out = [f"Policy `{md_text(review.policy)}`: {policy}." if policy else ""]
    upstream = [f for f in review.findings if f.upstream]
    errors = [f for f in review.findings if f.severity is Severity.ERROR]
    if not review.upstream_ci_runs:
        out.append("Upstream CI does not run on this pull request: its workflow validates changed "
                   "PRODUCT.yaml files only" + (f", so it will not catch the {_plural(len(upstream), 'finding')} "
                                                 "below that it would fail." if upstream else "."))
    elif upstream:
        verb = "matches" if len(upstream) == 1 else "match"
        out.append(f"**Upstream CI will fail**: {_plural(len(upstream), 'finding')} below {verb} its checks.")
    elif errors:
        out.append("Upstream CI will pass; kaic recommends fixing the blocking findings below.")
    else:
        out.append("kaic expects upstream CI to pass" + ("." if review.online else
                                                          " (its link checks aside: online checks were skipped)."))
    if review.online and review.links:
        out.append("Links: " + _counts(x.klass.value for x in review.links) + ".")
    return [line for line in out if line] + [""]


def _findings(review: Review, link_base: str | None) -> list[str]:
    blocking = [f for f in review.findings if f.severity is Severity.ERROR]
    others = [f for f in review.findings if f.severity is not Severity.ERROR]
    lines: list[str] = []
    if blocking:
        lines += [f"### Blocking ({len(blocking)})", ""]
        lines += [_finding_line(f, review, link_base) for f in blocking]
        lines.append("")
    if others:
        warn = sum(1 for f in others if f.severity is Severity.WARNING)
        lines += [f"<details><summary>{_plural(warn, 'warning')}, {_plural(len(others) - warn, 'note')}</summary>", ""]
        lines += [_finding_line(f, review, link_base) for f in others]
        lines += ["", "</details>", ""]
    return lines


def _counts(items: Iterable[str]) -> str:
    counted = Counter(items)
    return ", ".join(f"{n} {md_text(k)}" for k, n in counted.items()) or "–"


def _submission(sr: SubmissionReview, review: Review) -> list[str]:
    sub = sr.submission
    title = " · ".join(x for x in (sub.folder, sub.vendor, sub.platform) if x)
    lines = [f"### {'✅' if sr.ok else '❌'} {_prose(title, 300)}", ""]
    changed = review.selection.files_of(sub.folder)
    if changed:
        shown = ", ".join(md_code(p[len(sub.folder) + 1:]) for p in changed[:_LIST_LIMIT])
        more = f" and {len(changed) - _LIST_LIMIT} more" if len(changed) > _LIST_LIMIT else ""
        lines += [f"Changed in {md_code(sub.folder + '/')}: {shown}{more}", ""]
    checklist = review.checklists.get(sub.version)
    by_req: dict[str, list[Finding]] = {}
    for f in review.findings:
        if f.path == sub.path and f.requirement:
            by_req.setdefault(f.requirement, []).append(f)
    links: dict[str, list[str]] = {}
    for link in review.links:
        if link.path == sub.path and link.requirement:
            links.setdefault(link.requirement, []).append(link.klass.value)
    rows = []
    ids = [r.id for r in checklist.requirements] if checklist else []
    ids += [a.id for a in sub.answered if a.id not in ids]
    for rid in ids:
        answer = sub.answer(rid)
        req = checklist.requirement(rid) if checklist else None
        level = req.level if req else (answer.level if answer and answer.level else "")
        status = answer.status_raw.strip() if answer else "(missing)"
        kinds = _counts(e.kind.value for e in answer.evidence) if answer else "–"
        checks = ", ".join(f"{_ICON[f.severity]} {md_code(f.rule)}" for f in by_req.get(rid, [])) or "✅"
        link_cell = _counts(links.get(rid, [])) if review.online else "not checked"
        tests = md_text(sr.backing.get(rid, "–"))
        rows.append([md_code(rid), md_text(level), _prose(status or "(empty)", 60), kinds, link_cell, tests, checks])
    if rows:
        lines += [table(["Requirement", "Level", "Status", "Evidence", "Links", "Test artifacts", "Checks"], rows), ""]
    if sr.previous is not None:
        lines += _previous(sr.previous)
    return lines


def _previous(prev: Previous) -> list[str]:
    folder = prev.path.rsplit("/", 1)[0]
    lines = [f"**Since the earlier certification** {md_code(folder)} ({md_text(prev.relation)}):", ""]
    if prev.unchanged:
        return [*lines, "- no change in statuses, evidence, notes or metadata", ""]
    for c in prev.statuses:
        lines.append(f"- status of {md_code(c.requirement)}: {_prose(c.old or '(absent)', 60)} → "
                     f"{_prose(c.new or '(absent)', 60)}")
    for what, items in (("evidence added", prev.evidence_added), ("evidence removed", prev.evidence_removed)):
        for rid, ev in items[:_LIST_LIMIT]:
            lines.append(f"- {what} for {md_code(rid)}: {_prose(ev, 200)}")
        if len(items) > _LIST_LIMIT:
            lines.append(f"- … {len(items) - _LIST_LIMIT} more {what} (see the JSON result)")
    if prev.notes:
        lines.append("- notes changed for " + ", ".join(md_code(r) for r in prev.notes))
    for c in prev.metadata:
        lines.append(f"- {md_code(c.requirement)}: {_prose(c.old or '(absent)', 120)} → {_prose(c.new or '(absent)', 120)}")
    return [*lines, ""]


def _footer(review: Review) -> list[str]:
    return ["---", f"<sub>kaic {md_text(__version__)} · `kaic review --base {md_text(_short(review.base.commit))}"
                   f" --policy {md_text(review.policy)}` · the full result: `--format json`</sub>"]


def render(review: Review, *, link_base: str | None = None, max_chars: int = MAX_CHARS) -> str:
    """The comment; `link_base` (https://github.com/owner/repo) makes file:line links."""
    blocks = [_header(review), _findings(review, link_base)]
    blocks += [_submission(sr, review) for sr in review.submissions]
    footer = "\n".join(_footer(review)) + "\n"
    body = "\n".join(line for block in blocks for line in block) + "\n"
    if len(body) + len(footer) <= max_chars:
        return display(body + footer)
    return display(_cut([line for block in blocks for line in block], footer, max_chars))


def _cut(lines: list[str], footer: str, max_chars: int) -> str:
    """The first lines that fit, any open <details> closed, and a note saying what was left out."""
    note = ("\n> ✂️ **Cut**: this comment reached GitHub's {:,}-character limit; {} left out. "
            "The full result is in the JSON output (`kaic review --format json`).\n\n")
    budget = max_chars - len(footer) - len(note) - 64
    kept: list[str] = []
    size = 0
    open_details = 0
    for line in lines:
        if size + len(line) + 1 > budget:
            break
        kept.append(line)
        size += len(line) + 1
        open_details += line.count("<details>") - line.count("</details>")
    dropped = len(lines) - len(kept)
    closing = "\n</details>\n" * max(open_details, 0)
    text = "\n".join(kept) + "\n" + closing + note.format(max_chars, plural(dropped, "more line")) + footer
    return text if len(text) <= max_chars else text[: max_chars]


__all__ = ["MARKER", "MAX_CHARS", "render"]
