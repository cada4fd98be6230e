"""The typed model: checklists and submissions, with the line of every field."""

from .checklist import CHECKLIST_PATH, Checklist, Requirement, parse_checklist, version_key
from .submission import (
    SUBMISSION_PATH,
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
    upstream_snake,
)

__all__ = [
    "CHECKLIST_PATH",
    "SUBMISSION_PATH",
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
    "upstream_snake",
    "version_key",
]
