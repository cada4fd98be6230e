"""RepoState + findings + sections -> Report: the one document every renderer draws on.

The JSON form of a report (`Report.data`) follows `data/schemas/report.schema.json`:

- `schema_version`, `kaic_version`, `source {location, kind, commit, ref, date}`;
- `sections[] {key, title}`: the sections present, in reading order;
- `submissions[]`: one entry per PRODUCT.yaml with its normalized statuses and full
  conformance, plus the fields sections add (`Section.submission_fields`);
- then each section's data under its key (`versions`, `vendors`, `findings`, ...);
- `errors[]`: sections that failed to build (the rest of the report is still made).
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..envelope import envelope, source_record
from ..lint import ValidationResult
from ..load import RepoState
from ..model import Submission
from ..rules import Severity
from .section import ReportContext, Section
from .shared import analysis

SCHEMA_VERSION = "1.1"
"""Bumped in the minor part for added fields, in the major part for changed or removed ones."""


@dataclass(frozen=True)
class BuiltSection:
    section: Section
    data: Any


@dataclass(frozen=True)
class Report:
    data: dict[str, Any]  # the JSON document
    sections: tuple[BuiltSection, ...]  # sections with data, in reading order

    @property
    def title(self) -> str:
        return "Kubernetes AI Conformance report"


def _source(state: RepoState, title: str | None = None) -> dict[str, Any]:
    """The source record; `title` (report --title) names it in published headers."""
    record = source_record(state.source) or {}
    if title:
        record["title"] = title
    return record


def _submission(ctx: ReportContext, sub: Submission) -> dict[str, Any]:
    an = analysis(ctx)
    vendor = an.inventory.vendor_for(sub.path)
    verdict = an.verdicts[sub.path]
    findings = ctx.validation.findings_for(sub)
    return {
        "path": sub.path,
        "version": sub.version,
        "product": sub.product,
        "vendor": vendor.name if vendor and vendor.name else sub.vendor,
        "vendor_as_written": sub.vendor,
        "vendor_key": vendor.key if vendor else "",
        "vendor_name": vendor.name if vendor else sub.vendor,
        "vendor_group": vendor.group.id if vendor else "unclassified",
        "platform": sub.platform,
        "parsed": sub.parsed,
        "statuses": {rid: status.value for rid, status in sub.statuses().items()},
        "notes": {a.id: a.notes for a in reversed(sub.answers) if a.notes.strip()},  # first answer wins
        "full_conformance_strict": verdict.strict,
        "full_conformance_lenient": verdict.lenient,
        "findings": {sev.value: sum(1 for f in findings if f.severity is sev) for sev in Severity},
    }


def build_report(state: RepoState, validation: ValidationResult, sections: Iterable[Section] | None = None,
                 options: Mapping[str, Any] | None = None) -> Report:
    """Build every section once; a section that raises is reported in `errors`, not fatal."""
    if sections is None:
        from .sections import SECTIONS

        sections = SECTIONS
    ctx = ReportContext(state, validation, dict(options or {}))
    built: list[BuiltSection] = []
    errors: list[dict[str, str]] = []
    for section in sections:
        try:
            section_data = section.build(ctx)
        except Exception as exc:  # one broken section must not lose the others
            errors.append({"section": section.key, "message": f"{type(exc).__name__}: {exc}",
                           "trace": traceback.format_exc(limit=-3)})
            continue
        if section_data is not None:
            built.append(BuiltSection(section, section_data))

    submissions = []
    for sub in state.submissions:
        entry = _submission(ctx, sub)
        for bs in built:
            try:
                extra = bs.section.submission_fields(ctx, sub)
            except Exception as exc:
                errors.append({"section": bs.section.key, "message": f"{sub.path}: {type(exc).__name__}: {exc}",
                               "trace": traceback.format_exc(limit=-3)})
                continue
            for key, value in extra.items():
                entry.setdefault(key, value)
        submissions.append(entry)

    source = _source(state, ctx.options.get("title"))
    chosen = ctx.options.get("as_of")
    if chosen:
        source["as_of"] = str(chosen)
        if ctx.options.get("as_of_reason"):
            source["as_of_reason"] = str(ctx.options["as_of_reason"])
    if ctx.options.get("current_only"):
        source["current_only"] = True
        source["left_out"] = list(ctx.options.get("left_out") or [])
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kaic_version": __version__,
        "source": source,
        "sections": [{"key": bs.section.key, "title": bs.section.title} for bs in built],
        "submissions": submissions,
    }
    for bs in built:
        data.setdefault(bs.section.key, bs.data)
    data["errors"] = errors
    data = envelope("kaic-report", data, source=data["source"], summary=data.get("summary") or {},
                    schema_version=SCHEMA_VERSION)
    return Report(data, tuple(built))
