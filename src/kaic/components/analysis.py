"""RepoState (+ validation) -> ComponentAnalysis: detection, evidence, solutions and gaps
of every submission, and adoption counts across them. Pure apart from reading the
product folders' files through the state's Source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..load import RepoState
from ..model import Submission
from ..validate import ValidationResult
from .catalog import Catalog, load_catalog
from .detect import detect
from .evidence import EvidenceReport, Grade, assess
from .gaps import Gaps, gaps_for
from .localfiles import folder_files
from .model import Detection
from .solutions import SolutionsSpec, SubmissionSolutions, load_spec, solve


@dataclass(frozen=True)
class SubmissionResult:
    sub: Submission
    detection: Detection
    evidence: EvidenceReport
    solutions: SubmissionSolutions
    gaps: Gaps
    error: str | None = None  # set when analysing this submission failed (the rest goes on)


@dataclass
class Adoption:
    """One project across submissions."""

    repo: str
    name: str
    paths: list[str] = field(default_factory=list)  # submissions adopting it (M or X), in state order
    marks: dict[str, str] = field(default_factory=dict)  # path -> "M" | "X"
    versions: dict[str, str] = field(default_factory=dict)  # path -> first version read

    @property
    def count(self) -> int:
        return len(self.paths)


@dataclass(frozen=True)
class ComponentAnalysis:
    catalog: Catalog
    spec: SolutionsSpec
    results: dict[str, SubmissionResult]  # by submission path, in state order

    def result(self, path: str) -> SubmissionResult | None:
        return self.results.get(path)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(self.results)

    def adoption(self, paths: Iterable[str] | None = None) -> list[Adoption]:
        """Adopted projects (platform's own excluded), most adopted first, then catalog order."""
        chosen = tuple(paths) if paths is not None else self.paths
        found: dict[str, Adoption] = {}
        for path in chosen:
            r = self.results.get(path)
            if r is None:
                continue
            for c in r.detection.components:
                a = found.get(c.repo)
                if a is None:
                    a = found[c.repo] = Adoption(c.repo, c.name)
                a.paths.append(path)
                a.marks[path] = c.mark
                if c.version:
                    a.versions[path] = c.version
        order = {k: i for i, k in enumerate(self.catalog.order(found))}
        return sorted(found.values(), key=lambda a: (-a.count, order[a.repo]))

    def grades(self) -> dict[str, Grade]:
        return {p: r.evidence.grade for p, r in self.results.items()}


def _empty(sub: Submission, error: str) -> SubmissionResult:
    det = Detection(sub.path, (), (), (), (), (), (), ())
    ev = EvidenceReport(sub.path, (), (), Grade.NONE, f"not analysed: {error}")
    return SubmissionResult(sub, det, ev, SubmissionSolutions(), Gaps(sub.path, (), ()), error)


def analyse_submission(state: RepoState, sub: Submission, validation: ValidationResult | None,
                       catalog: Catalog, spec: SolutionsSpec) -> SubmissionResult:
    files = folder_files(state, sub)
    det = detect(sub, catalog, files)
    ev = assess(sub, state.tree, files)
    sol = solve(sub, det, catalog, spec)
    findings = validation.findings_for(sub) if validation is not None else []
    return SubmissionResult(sub, det, ev, sol, gaps_for(state, sub, findings, det, ev, catalog))


_last: list[tuple[RepoState, Catalog | None, bool, ComponentAnalysis]] = []


def analyse_components(state: RepoState, validation: ValidationResult | None = None,
                       catalog: Catalog | None = None, spec: SolutionsSpec | None = None) -> ComponentAnalysis:
    """Analyse every submission. The last few analyses are remembered: a caller without
    findings (e.g. a baseline snapshot) asking about the same state object reuses one."""
    base = catalog or load_catalog()
    if validation is None and spec is None:
        for seen_state, seen_catalog, _, seen in _last:
            if seen_state is state and seen_catalog is base:
                return seen
    spec = spec or load_spec()
    full = base.with_entries(spec.signal_entries())
    results: dict[str, SubmissionResult] = {}
    for sub in state.submissions:
        try:
            results[sub.path] = analyse_submission(state, sub, validation, full, spec)
        except Exception as exc:  # one unreadable submission must not lose the others
            results[sub.path] = _empty(sub, f"{type(exc).__name__}: {exc}")
    analysis = ComponentAnalysis(full, spec, results)
    _last[:] = [(state, base, validation is not None, analysis), *_last[:3]]
    return analysis
