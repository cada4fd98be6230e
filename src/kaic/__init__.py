"""kaic — the Kubernetes AI Conformance analyzer.

A small public API; everything else is private to the package::

    import kaic
    state = kaic.load("sample")              # or a folder, git repo, bundle, URL
    result = kaic.validate(state)
    for finding in result.findings:
        print(finding.path, finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

from .config import Config, load_config
from .load import RepoState, load_state
from .model import Checklist, Requirement, Status, Submission
from .rules import RULES, Finding, Severity
from .source import Source, SourceError, open_source
from .validate import ValidationResult, validate

__version__ = "0.1.0"


def load(source: str | None = None, ref: str | None = None) -> RepoState:
    """Load every checklist and submission of a repository state."""
    return load_state(open_source(source, ref))


__all__ = [
    "RULES",
    "Checklist",
    "Config",
    "Finding",
    "RepoState",
    "Requirement",
    "Severity",
    "Source",
    "SourceError",
    "Status",
    "Submission",
    "ValidationResult",
    "__version__",
    "load",
    "load_config",
    "load_state",
    "open_source",
    "validate",
]
