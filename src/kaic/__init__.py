"""kaic — the Kubernetes AI Conformance analyzer.

A small public API; everything else is private to the package::

    import kaic
    state = kaic.load("sample")              # or a folder, git repo, bundle, URL
    result = kaic.validate(state)
    for finding in result.findings:
        print(finding.path, finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Config, load_config
    from .load import RepoState, load_state
    from .model import Checklist, Requirement, Status, Submission
    from .rules import RULES, Finding, Severity
    from .source import Source, SourceError, open_source

__version__ = "0.1.0"

# `kaic.validate` is both a submodule and the public function: bound here, eagerly, so the
# name is the function however the submodule is imported later.
from .validate import ValidationResult, validate

# The public names and the modules that hold them, imported on first use: `kaic --version`
# or a command that needs few of them does not load the rest.
_PUBLIC = {
    "Config": "config", "load_config": "config",
    "RepoState": "load", "load_state": "load",
    "Checklist": "model", "Requirement": "model", "Status": "model", "Submission": "model",
    "RULES": "rules", "Finding": "rules", "Severity": "rules",
    "Source": "source", "SourceError": "source", "open_source": "source",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
