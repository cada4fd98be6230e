"""What an online check is given (facts gathered over the network) and what it is."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ...model import Submission
from ...rules import Hit, Severity
from ...rules._api import Documented
from ..landscape import Members
from ..links import Outcome


@dataclass(frozen=True)
class Facts:
    """Everything the online phase found out, for the checks to judge."""

    links: Mapping[str, Outcome] = field(default_factory=dict)  # by URL
    members: Members | None = None
    members_error: str = ""  # why `members` is None
    logos: Mapping[str, tuple[Outcome, str]] = field(default_factory=dict)  # URL -> (outcome, sniffed kind)
    k8s_conformance: Path | None = None  # a local checkout of cncf/k8s-conformance


OnlineCheck = Callable[[Submission, Facts], Iterator[Hit]]


@dataclass(frozen=True)
class OnlineRule(Documented):
    """An online check, documented like a rule (`kaic rules` lists both)."""

    id: str
    severity: Severity
    hint: str
    doc: str
    check: OnlineCheck

    @classmethod
    def from_module(cls, module: ModuleType) -> OnlineRule:
        return cls(module.ID, module.SEVERITY, module.HINT, module.__doc__ or "", module.check)
