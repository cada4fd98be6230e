"""The report's plug-in point: a Section turns the shared context into data.

Every renderer (Markdown, JSON, CSV, HTML) draws only on the data a section's
`build()` returns, so a number shown anywhere has one origin. A new section is a
module in `report/sections/` with a `SECTION` object, listed once in
`report/sections/__init__.py`; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from ..lint import ValidationResult
from ..load import RepoState
from ..model import Submission

T = TypeVar("T")

Rows = list[list[Any]]


@dataclass
class ReportContext:
    """What sections read: the repository state, its findings, and shared memoised work."""

    state: RepoState
    validation: ValidationResult
    options: dict[str, Any] = field(default_factory=dict)  # e.g. {"as_of": "2026-05-01"}
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a shared piece (analysis, mentions, history) once per report."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value


class Section(Protocol):
    key: str  # JSON key of the section's data; also the Markdown anchor
    title: str

    def build(self, ctx: ReportContext) -> Any:
        """JSON-able data (dicts, lists, str, int, float, bool, None); None omits the section."""
        ...

    def markdown(self, data: Any) -> str:
        """The section's Markdown body (without its title), from build()'s data only."""
        ...

    def csv(self, data: Any) -> dict[str, Rows]:
        """CSV tables by file stem (header row first); {} for none."""
        ...

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        """Extra fields for this submission's entry in JSON `submissions[]`; {} for none."""
        ...
