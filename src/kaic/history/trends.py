"""Trends over a walk: submissions per version, requirement implementation rates and
component adoption at each commit, and how fast each version filled up.

Pure: built from the per-commit figures and the certifications, nothing is recounted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import version_key
from .certs import At, Certification
from .figures import CommitFigures, Count


@dataclass(frozen=True, slots=True)
class Milestone:
    n: int  # the n-th submission of the version to reach the main line
    path: str
    at: At
    days: int  # since the version's first submission
    again: tuple[At, ...] = ()  # the same product certified again for the version (after a withdrawal)


@dataclass(frozen=True)
class Pace:
    version: str
    milestones: tuple[Milestone, ...]  # n = 1, 2, ... in main-line order

    def nth(self, n: int) -> Milestone | None:
        return self.milestones[n - 1] if 0 < n <= len(self.milestones) else None


@dataclass(frozen=True)
class Trends:
    points: tuple[At, ...]  # one per walked commit, oldest first
    versions: tuple[str, ...]
    submissions: tuple[Mapping[str, int], ...]  # per point: version -> submissions
    requirements: tuple[str, ...]  # newest checklist's order first
    rates: tuple[Mapping[str, Count], ...]  # per point: requirement -> implemented / denominator
    projects: tuple[tuple[str, str], ...]  # (repo, name) of the top projects at the last point
    adoption: tuple[Mapping[str, int], ...]  # per point: repo -> submissions naming it
    pace: tuple[Pace, ...]


def _requirements(commits: Sequence[CommitFigures]) -> tuple[str, ...]:
    order: list[str] = []
    for c in reversed(commits):
        for rid in c.overall:
            if rid not in order:
                order.append(rid)
    return tuple(order)


def _projects(commits: Sequence[CommitFigures], top: int) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for c in reversed(commits):  # the last commit's ranking first, then projects that faded
        for a in c.adoption or ():
            seen.setdefault(a.repo, a.name)
    return tuple(list(seen.items())[:top])


def pace(certifications: Sequence[Certification]) -> tuple[Pace, ...]:
    """How fast each version filled up. A product withdrawn and certified again for the same
    version counts once, at its first merge; the later merges are kept as `again`."""
    by_version: dict[str, dict[str, list[Certification]]] = {}
    for c in certifications:
        by_version.setdefault(c.version, {}).setdefault(c.product.casefold(), []).append(c)
    out = []
    for version in sorted(by_version, key=version_key):
        products = list(by_version[version].values())  # insertion order: first merges in main-line order
        first = products[0][0].certified.day
        out.append(Pace(version, tuple(
            Milestone(i, certs[0].path, certs[0].certified, (certs[0].certified.day - first).days,
                      tuple(c.certified for c in certs[1:]))
            for i, certs in enumerate(products, start=1))))
    return tuple(out)


def trends(commits: Sequence[CommitFigures], certifications: Sequence[Certification], top: int = 8) -> Trends:
    versions = sorted({v for c in commits for v in c.versions}, key=version_key)
    projects = _projects(commits, top)
    return Trends(
        points=tuple(c.at for c in commits),
        versions=tuple(versions),
        submissions=tuple({v: c.versions[v].submissions if v in c.versions else 0 for v in versions}
                          for c in commits),
        requirements=_requirements(commits),
        rates=tuple(dict(c.overall) for c in commits),
        projects=projects,
        adoption=tuple({repo: c.adopted(repo) for repo, _ in projects} for c in commits),
        pace=pace(certifications),
    )
