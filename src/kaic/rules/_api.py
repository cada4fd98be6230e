"""What a rule is, what it yields, and what it is given."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import TYPE_CHECKING

from ..source import EntryKind

if TYPE_CHECKING:
    from ..load import RepoState
    from ..model import Answer, Checklist, Requirement, Submission
    from ..model.evidence_path import PathProblem


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule's check() yields; the engine turns it into a Finding."""

    message: str
    line: int | None = None
    requirement: str | None = None
    severity: Severity | None = None  # overrides the rule's default for this hit
    # Facts about the input for the upstream-parity policies (never a policy decision):
    upstream_fails: bool | None = None  # None: as the rule's entry in data/policies.yaml says
    facts: tuple[tuple[str, str], ...] = ()  # values for upstream's message template (see facts())


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    path: str  # relative to the repository root
    line: int | None
    requirement: str | None
    message: str
    hint: str
    upstream: str | None = None  # what the upstream validator prints for it; None: upstream passes it

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "requirement": self.requirement,
            "message": self.message,
            "hint": self.hint,
            "upstream": self.upstream,
        }


@dataclass(frozen=True, slots=True)
class Context:
    state: RepoState
    checklist: Checklist | None

    def exists(self, path: str) -> bool:
        return self.state.exists(path)

    def link_on_path(self, path: str) -> str | None:
        """The symbolic link that `path` is or passes through, if any (kaic never follows one)."""
        parts = path.split("/")
        for i in range(len(parts), 0, -1):
            entry = self.state.tree.get("/".join(parts[:i]))
            if entry is not None:
                return entry.path if entry.kind is EntryKind.SYMLINK else None
        return None

    def requirement(self, requirement_id: str) -> Requirement | None:
        return self.checklist.requirement(requirement_id) if self.checklist else None

    def read_upstream(self, answer: Answer) -> Requirement | None:
        """The checklist requirement under which the upstream validator reads `answer`.

        Upstream walks the checklist and looks each id up in the same category of the
        submission only; an answer with another id, or in another category, it never reads.
        """
        req = self.requirement(answer.id)
        return req if req is not None and req.category == answer.category else None

    def upstream_must(self, answer: Answer) -> bool:
        """Upstream reads `answer` and its checklist level is exactly MUST."""
        req = self.read_upstream(answer)
        return req is not None and req.level == "MUST"

    def is_must(self, requirement_id: str, answered_level: str | None = None) -> bool:
        """The checklist's level wins; the vendor's level counts only without one."""
        req = self.requirement(requirement_id)
        level = req.level if req else (answered_level or "")
        return level.strip().upper() == "MUST"


Check = Callable[["Submission", "Context"], Iterator["Hit"]]


class Documented:
    """What every check kaic documents shares (rules, online checks): `id` and `doc`."""

    id: str
    doc: str

    @property
    def upstream(self) -> bool:
        """True when the upstream Go validator fails some input of this check (data/policies.yaml)."""
        from ..policy import checks

        return checks(self.id)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.id


@dataclass(frozen=True)
class Rule(Documented):
    id: str
    severity: Severity
    hint: str
    doc: str  # the module docstring: user documentation
    check: Check
    fix: str | None = None  # what `kaic fix` does about its findings (module FIX), if anything

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            id=module.ID,
            severity=module.SEVERITY,
            hint=module.HINT,
            doc=module.__doc__ or "",
            check=module.check,
            fix=getattr(module, "FIX", None),
        )


def facts(**values: object) -> tuple[tuple[str, str], ...]:
    """`Hit.facts` from keyword arguments: `facts(field="websiteUrl", case="empty")`."""
    return tuple((k, "" if v is None else str(v)) for k, v in values.items())


def loader_problems(sub: Submission, rule_id: str) -> Iterator[Hit]:
    """Hits for what the loader already recorded under `rule_id`."""
    for p in sub.problems:
        if p.rule == rule_id:
            yield Hit(p.message, p.line, p.requirement, upstream_fails=p.upstream_fails)


def fold(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, width: int = 80) -> str:
    text = fold(text)
    return text if len(text) <= width else text[: width - 1] + "…"


VERSION_RE = re.compile(r"^v?(\d+)\.(\d+)(?:\.(\d+))?$")


def path_problem_hits(sub: Submission, ctx: Context, problem: PathProblem, **extra: str) -> Iterator[Hit]:
    """A hit for every evidence path refused with `problem`: nothing is read."""
    from ..model.evidence_path import problem_text

    for a in sub.answers:
        for e in a.evidence:
            if e.problem is problem:
                yield Hit(f"{problem_text(e.problem, e.raw, sub.folder)}; not read", e.line, a.id or None,
                          upstream_fails=ctx.read_upstream(a) is not None,
                          facts=facts(link=e.raw.strip(), **extra))
