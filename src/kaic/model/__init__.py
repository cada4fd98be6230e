"""The typed model: checklists and submissions, with the line of every field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import exports

if TYPE_CHECKING:
    from .checklist import CHECKLIST_PATH, Checklist, Requirement, parse_checklist, version_key
    from .submission import (
        SUBMISSION_PATH,
        UPSTREAM_OPTIONAL_METADATA,
        UPSTREAM_REQUIRED_METADATA,
        VALID_STATUSES,
        Answer,
        Evidence,
        EvidenceForm,
        EvidenceKind,
        MetaField,
        Problem,
        Status,
        Submission,
        canonical_field,
        normalize_status,
        parse_submission,
        upstream_reads,
        upstream_snake,
    )

# Loaded on first use: `kaic.model.evidence_path` alone does not load the YAML parser.
__getattr__, __dir__ = exports(__name__, {
    "CHECKLIST_PATH": "checklist",
    "Checklist": "checklist",
    "Requirement": "checklist",
    "parse_checklist": "checklist",
    "version_key": "checklist",
    "SUBMISSION_PATH": "submission",
    "UPSTREAM_OPTIONAL_METADATA": "submission",
    "UPSTREAM_REQUIRED_METADATA": "submission",
    "VALID_STATUSES": "submission",
    "Answer": "submission",
    "Evidence": "submission",
    "EvidenceForm": "submission",
    "EvidenceKind": "submission",
    "MetaField": "submission",
    "Problem": "submission",
    "Status": "submission",
    "Submission": "submission",
    "canonical_field": "submission",
    "normalize_status": "submission",
    "parse_submission": "submission",
    "upstream_reads": "submission",
    "upstream_snake": "submission",
})

__all__ = [
    "CHECKLIST_PATH",
    "SUBMISSION_PATH",
    "UPSTREAM_OPTIONAL_METADATA",
    "UPSTREAM_REQUIRED_METADATA",
    "VALID_STATUSES",
    "Answer",
    "Checklist",
    "Evidence",
    "EvidenceForm",
    "EvidenceKind",
    "MetaField",
    "Problem",
    "Requirement",
    "Status",
    "Submission",
    "canonical_field",
    "normalize_status",
    "parse_checklist",
    "parse_submission",
    "upstream_reads",
    "upstream_snake",
    "version_key",
]
