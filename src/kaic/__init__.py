"""kaic — the Kubernetes AI Conformance analyzer.

A small public API; everything else is private to the package::

    import kaic
    state = kaic.load("sample")              # or a folder, git repo, bundle, URL
    result = kaic.validate(state)
    for finding in result.findings:
        print(finding.path, finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import exports

if TYPE_CHECKING:
    from .config import Config, load_config
    from .lint import ValidationResult, validate
    from .load import RepoState, load_state
    from .model import Checklist, Requirement, Status, Submission
    from .rules import RULES, Finding, Severity
    from .source import Source, SourceError, open_source

__version__ = "0.1.0"

# The public names and the modules that hold them, imported on first use: `kaic --version`
# or a command that needs few of them does not load the rest.
_PUBLIC = {
    "Config": "config", "load_config": "config",
    "RepoState": "load", "load_state": "load",
    "Checklist": "model", "Requirement": "model", "Status": "model", "Submission": "model",
    "RULES": "rules", "Finding": "rules", "Severity": "rules",
    "Source": "source", "SourceError": "source", "open_source": "source",
    "ValidationResult": "lint", "validate": "lint",
}


__getattr__, __dir__ = exports(__name__, _PUBLIC)


def load(source: str | None = None, ref: str | None = None) -> RepoState:
    """Load every checklist and submission of a repository state."""
    from .load import load_state
    from .source import open_source

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
