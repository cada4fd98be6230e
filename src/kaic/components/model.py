"""What detection produces: mentions with their place, and components per submission."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .text import Tag


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Where a mention was read: a requirement's field, a metadata field, or a file line."""

    requirement: str | None = None
    field: str | None = None  # "notes", "evidence", "metadata.platformName", ...
    file: str | None = None  # repository path of a local evidence file
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"requirement": self.requirement, "field": self.field, "file": self.file, "line": self.line}

    def label(self) -> str:
        """`gang_scheduling notes l.47`, `v1.33/talos/README.md:135`."""
        if self.file:
            where = f"{self.file}:{self.line}" if self.line else self.file
            return f"{where} ({self.requirement})" if self.requirement else where
        parts = [p for p in (self.requirement, self.field) if p]
        text = " ".join(parts) or "?"
        return f"{text} l.{self.line}" if self.line else text


class Via(StrEnum):
    NAME = "name"  # the name or an alias in prose
    API_GROUP = "api_group"  # a Kubernetes API group
    URL = "url"  # a link into the project's repository or documentation
    LINK_WORDS = "link_words"  # the name among the words of a link's path


class Kind(StrEnum):
    PROJECT = "project"
    ACCELERATOR = "accelerator"
    TECHNIQUE = "technique"
    MANAGED = "managed_service"
    SIGNAL = "signal"  # a word kaic reads for a solution (e.g. DRA vs device plugin), not a component


@dataclass(frozen=True, slots=True)
class Mention:
    target: str  # catalog key: a project's repo "owner/name", or "accelerator:nvidia", ...
    place: Place
    via: Via
    text: str  # what was read, shortened
    version: str | None = None
    tag: Tag | None = None  # negative or roadmap: kept, but not adoption
    api_version: str | None = None  # an API version written with an API group or a signal word
    ambiguity: str | None = None  # None (ordinary term), "confirmed" or "unconfirmed" (ambiguous name)

    @property
    def counts(self) -> bool:
        return self.tag is None


@dataclass(frozen=True)
class Component:
    """One project in one submission: all its mentions folded together."""

    repo: str
    name: str
    mark: str  # "M" (named with a version) or "X"
    version: str | None  # the first version read, as written
    versions: tuple[tuple[str, Place], ...]  # every distinct version with where it was read
    places: tuple[Place, ...]
    platform: bool = False  # the submission's own project (its repoUrl / platform name)
    tag: Tag | None = None  # set when every mention is negative or roadmap
    via: str | None = None  # not named: carried by this umbrella (its catalog `includes`), by name

    def as_dict(self) -> dict[str, Any]:
        return {
            "repo": self.repo,
            "name": self.name,
            "mark": self.mark,
            "version": self.version,
            "versions": [{"version": v, **p.as_dict()} for v, p in self.versions],
            "places": [p.as_dict() for p in self.places],
            "via": self.via,
        }


@dataclass(frozen=True)
class Detection:
    """Everything detection found in one submission."""

    path: str
    mentions: tuple[Mention, ...]
    components: tuple[Component, ...]  # adopted projects, the platform's own excluded
    platform: tuple[Component, ...]  # the platform's own project(s)
    not_adopted: tuple[Component, ...]  # projects named only in negative or roadmap wording
    accelerators: tuple[str, ...]  # accelerator names (catalog), in catalog order
    techniques: tuple[str, ...]  # GPU sharing techniques named (catalog names)
    managed: tuple[str, ...]  # managed services named
    files: tuple[tuple[str, str], ...] = field(default=())  # (path, "read" or the reason it was not)

    def component(self, repo: str) -> Component | None:
        for c in self.components:
            if c.repo == repo:
                return c
        return None

    def mentions_in(self, requirement: str) -> list[Mention]:
        return [m for m in self.mentions if m.place.requirement == requirement]
