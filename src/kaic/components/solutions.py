"""Which solution each submission picked, per topic, from its mentions and its words.

Topics, the requirements they read and the catalog roles that answer them are data
(`src/kaic/data/solutions.yaml`); answer names are catalog names. Nothing here names a
requirement or a project.

Also here: the accelerator vendors, the GPU-sharing techniques, and the DRA approach
("DRA", "device plugin only", "both") with the DRA API versions a submission names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._yaml import load_data
from ..model import Status, Submission
from .catalog import Catalog, Entry
from .context import block_under, heading_overruled, states_in_use
from .localfiles import LocalFile
from .model import Detection, Kind, Mention, Place, Via
from .text import Clauses

NOT_STATED = "not stated"
NOT_APPLICABLE = "N/A"
DRA_SIGNAL = "signal:dra"
DEVICE_PLUGIN_SIGNAL = "signal:device-plugin"


class SolutionsError(ValueError):
    pass


@dataclass(frozen=True)
class Selector:
    roles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    managed: bool | None = None

    def matches(self, entry: Entry) -> bool:
        if self.managed is not None and (entry.kind is Kind.MANAGED) != self.managed:
            return False
        if not self.roles and not self.categories:
            return True
        return bool(set(self.roles) & set(entry.roles)) or (entry.category or "") in self.categories


@dataclass(frozen=True)
class KindRule:
    label: str
    selector: Selector | None  # None: catches the rest


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    requirements: tuple[str, ...]
    selector: Selector
    not_applicable: bool = False
    kinds: tuple[KindRule, ...] = ()


@dataclass(frozen=True)
class DraSpec:
    api_group: str
    dra_words: tuple[str, ...]
    dra_roles: tuple[str, ...]
    device_plugin_words: tuple[str, ...]
    device_plugin_roles: tuple[str, ...]
    dra_claim_words: tuple[str, ...] = ()

    def is_claim(self, mention: Mention) -> bool:
        """A DRA mention that only names DRA ("implements the DRA APIs"), in prose."""
        folded = " ".join(mention.text.split()).lower()
        return mention.via is Via.NAME and folded in {w.lower() for w in self.dra_claim_words}


@dataclass(frozen=True)
class SolutionsSpec:
    topics: tuple[Topic, ...]
    dra: DraSpec
    gpu_sharing_groups: tuple[str, ...] = ()
    dra_feature_groups: tuple[str, ...] = ()

    def signal_entries(self) -> list[Entry]:
        """Catalog-like entries for the DRA and device-plugin words (scanned with the rest)."""
        return [
            Entry(DRA_SIGNAL, Kind.SIGNAL, "DRA", aliases=self.dra.dra_words, api_groups=(self.dra.api_group,)),
            Entry(DEVICE_PLUGIN_SIGNAL, Kind.SIGNAL, "device plugin", aliases=self.dra.device_plugin_words),
        ]


def _sel(raw: Mapping[str, Any]) -> Selector:
    managed = raw.get("managed")
    return Selector(tuple(raw.get("roles") or ()), tuple(raw.get("categories") or ()),
                    managed if isinstance(managed, bool) else None)


def spec_problems(data: Any) -> list[str]:
    """JSON-schema problems of a solutions document (the shipped one is checked by the tests)."""
    import jsonschema

    path = Path(str(resources.files("kaic") / "data" / "schemas" / "solutions.schema.json"))
    schema = json.loads(path.read_text("utf-8"))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]


def parse_spec(data: Any, check: bool = True) -> SolutionsSpec:
    if check:
        problems = spec_problems(data)
        if problems:
            raise SolutionsError("; ".join(problems))
    topics = []
    for raw in data["topics"]:
        kinds = tuple(
            KindRule(k["label"], _sel(k) if any(x in k for x in ("roles", "categories", "managed")) else None)
            for k in raw.get("kinds") or ()
        )
        topics.append(Topic(raw["key"], raw["title"], tuple(raw["requirements"]), _sel(raw),
                            bool(raw.get("not_applicable")), kinds))
    d = data["dra"]
    dra = DraSpec(d["api_group"], tuple(d["dra_words"]), tuple(d.get("dra_roles") or ()),
                  tuple(d["device_plugin_words"]), tuple(d.get("device_plugin_roles") or ()),
                  tuple(d.get("dra_claim_words") or ()))
    return SolutionsSpec(tuple(topics), dra, tuple(data.get("gpu_sharing_groups") or ()),
                         tuple(data.get("dra_feature_groups") or ()))


@cache
def load_spec() -> SolutionsSpec:
    path = Path(str(resources.files("kaic") / "data" / "solutions.yaml"))
    return parse_spec(load_data(path.read_text(encoding="utf-8")),
                      check=False)


# -- per submission ---------------------------------------------------------------------


@dataclass(frozen=True)
class Solution:
    topic: str
    requirement: str  # the topic's first requirement the submission answers
    names: tuple[str, ...]  # catalog names, or (NOT_STATED,) / (NOT_APPLICABLE,)
    kind: str  # the summary bucket (a kind label, the joined names, NOT_STATED or NOT_APPLICABLE)
    where: str  # "requirement" (named in the topic's requirements), "elsewhere", "" (none)

    @property
    def stated(self) -> bool:
        return self.names not in ((NOT_STATED,), (NOT_APPLICABLE,))


@dataclass(frozen=True)
class DraApproach:
    approach: str  # "DRA", "device plugin only", "both", NOT_STATED
    api_versions: tuple[str, ...]  # e.g. ("v1beta1", "v1"), in the order first read
    dra_places: int = 0  # counting DRA mentions
    device_plugin_places: int = 0
    features: tuple[str, ...] = ()  # DRA features named (catalog techniques of a DRA group)


@dataclass(frozen=True)
class SubmissionSolutions:
    topics: dict[str, Solution] = field(default_factory=dict)
    accelerators: tuple[str, ...] = ()
    gpu_sharing: tuple[str, ...] = ()
    dra: DraApproach = DraApproach(NOT_STATED, ())

    def by_requirement(self) -> dict[str, list[str]]:
        """`solutions {requirement id: [names]}` of the JSON report."""
        out: dict[str, list[str]] = {}
        for sol in self.topics.values():
            out.setdefault(sol.requirement, [])
            for n in sol.names:
                if n not in out[sol.requirement] and not (n in (NOT_STATED, NOT_APPLICABLE) and out[sol.requirement]):
                    out[sol.requirement].append(n)
        return out


def _candidates(topic: Topic, det: Detection, catalog: Catalog, mentions: Sequence[Mention],
                requirements: Iterable[str] | None) -> list[str]:
    """Catalog keys answering the topic, among counting mentions (in those requirements)."""
    wanted = set(requirements) if requirements is not None else None
    adopted = {c.repo for c in det.components}
    keys: list[str] = []
    for m in mentions:
        if not m.counts or m.target in keys:
            continue
        if wanted is not None and m.place.requirement not in wanted:
            continue
        entry = catalog.entry(m.target)
        if entry is None or entry.kind not in (Kind.PROJECT, Kind.MANAGED):
            continue
        if entry.kind is Kind.PROJECT and m.target not in adopted:
            continue  # the platform's own project is not a solution it adopted
        if topic.selector.matches(entry):
            keys.append(m.target)
    return catalog.order(keys)


def _kind(topic: Topic, keys: list[str], catalog: Catalog) -> str:
    names = [catalog.name(k) for k in keys]
    if not topic.kinds:
        return " + ".join(names)
    for rule in topic.kinds:
        if rule.selector is None:
            return rule.label
        for k in keys:
            entry = catalog.entry(k)
            if entry is not None and rule.selector.matches(entry):
                return rule.label
    return " + ".join(names)


def solve_topic(topic: Topic, sub: Submission, det: Detection, catalog: Catalog) -> Solution | None:
    answers = [a for a in sub.answers if a.id in topic.requirements]
    if not answers:
        return None
    present = [r for r in topic.requirements if any(a.id == r for a in answers)]
    requirement = present[0]
    if topic.not_applicable and all(a.status is Status.NA for a in answers if a.id == requirement):
        return Solution(topic.key, requirement, (NOT_APPLICABLE,), NOT_APPLICABLE, "")
    keys = _candidates(topic, det, catalog, det.mentions, topic.requirements)
    where = "requirement"
    if not keys:
        keys = _candidates(topic, det, catalog, det.mentions, None)
        where = "elsewhere"
    if not keys:
        return Solution(topic.key, requirement, (NOT_STATED,), NOT_STATED, "")
    names = tuple(catalog.name(k) for k in keys)
    return Solution(topic.key, requirement, names, _kind(topic, keys, catalog), where)


_API_VERSION_ORDER = ("v1alpha", "v1beta", "v1")


class _Texts:
    """The text a mention was read in, for a second look at its context: the line of a
    folder file, or the notes of a requirement (its line when the notes span several)."""

    def __init__(self, sub: Submission | None, files: Mapping[str, LocalFile] | None) -> None:
        self._notes = {a.id: (a.notes, a.notes_line) for a in sub.answers} if sub is not None else {}
        self._files = files or {}
        self._lines: dict[str, list[str]] = {}
        self._blocks: dict[tuple[str, int], tuple[int, int] | None] = {}  # each heading looked at once
        # answers per (question, place, words): many mentions on one long line cost one look
        self.memo: dict[tuple[str, Place, str], bool] = {}

    def lines(self, path: str) -> list[str] | None:
        if path not in self._lines:
            local = self._files.get(path)
            if local is None or local.text is None:
                return None
            self._lines[path] = local.text.split("\n")
        return self._lines[path]

    def line_of(self, m: Mention) -> str | None:
        place = m.place
        if place.file:
            lines = self.lines(place.file)
            return lines[place.line - 1] if lines is not None and place.line and place.line <= len(lines) else None
        if place.field == "notes" and place.requirement in self._notes:
            notes, first = self._notes[place.requirement]
            if "\n" in notes.strip() and first is not None and place.line is not None:
                lines = notes.split("\n")
                k = place.line - first
                if 1 <= k <= len(lines):
                    return lines[k - 1]
            return notes
        return None

    def spans(self, m: Mention) -> tuple[Clauses, list[tuple[int, int]]] | None:
        """The clauses of the mention's line and where its words stand in it."""
        text = self.line_of(m)
        if not text or not m.text:
            return None
        folded, needle = text.lower(), m.text.lower()
        found, at = [], folded.find(needle)
        while at >= 0:
            found.append((at, at + len(needle)))
            at = folded.find(needle, at + 1)
        return (Clauses(text), found) if found else None

    def block(self, m: Mention) -> tuple[int, int] | None:
        if not m.place.file or not m.place.line:
            return None
        key = (m.place.file, m.place.line)
        if key not in self._blocks:
            lines = self.lines(m.place.file)
            self._blocks[key] = block_under(lines, m.place.line) if lines is not None else None
        return self._blocks[key]


def _overruled(texts: _Texts, m: Mention, own: Mapping[str, set[int]], rival: Mapping[str, set[int]]) -> bool:
    """A heading's mention that the block under it contradicts (`own`/`rival`: lines of
    the subject's and its rivals' mentions, per file)."""
    path = m.place.file
    if not path:
        return False
    return heading_overruled(own.get(path, set()), rival.get(path, set()), texts.block(m))


def _lines_by_file(mentions: Iterable[Mention]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for m in mentions:
        if m.place.file and m.place.line:
            out.setdefault(m.place.file, set()).add(m.place.line)
    return out


def _qualified_by(texts: _Texts, m: Mention, words: Sequence[str]) -> bool:
    """The mention's words follow one of `words` ("DRA device plugin": DRA's kubelet plugin)."""
    key = ("qualified", m.place, m.text.lower())
    if key not in texts.memo:
        texts.memo[key] = _qualified(texts, m, words)
    return texts.memo[key]


def _qualified(texts: _Texts, m: Mention, words: Sequence[str]) -> bool:
    found = texts.spans(m)
    if found is None:
        return False
    clauses, spans = found
    for start, _ in spans:
        before = clauses.text[max(0, start - 40) : start].rstrip().lower()
        if any(before.endswith(w.lower()) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
               for w in words):
            return True
    return False


def _stated_in_use(texts: _Texts, m: Mention) -> bool:
    key = ("in use", m.place, m.text.lower())
    if key not in texts.memo:
        found = texts.spans(m)
        texts.memo[key] = found is not None and any(states_in_use(found[0], s, e) for s, e in found[1])
    return texts.memo[key]


def dra_approach(det: Detection, catalog: Catalog, spec: SolutionsSpec, sub: Submission | None = None,
                 files: Mapping[str, LocalFile] | None = None) -> DraApproach:
    """The DRA approach from counting mentions. With the submission's texts, context is read
    a second time: a heading loses to the commands under it, a device-plugin word qualified
    by a DRA word ("DRA device plugin") is DRA's, and a DRA claim word in a clause that
    states it enabled or used shows DRA."""
    texts = _Texts(sub, files)
    dra_keys = {DRA_SIGNAL}
    plugin_keys = {DEVICE_PLUGIN_SIGNAL}
    for c in det.components:
        entry = catalog.entry(c.repo)
        if entry is None:
            continue
        if set(entry.roles) & set(spec.dra.dra_roles):
            dra_keys.add(c.repo)
        if set(entry.roles) & set(spec.dra.device_plugin_roles):
            plugin_keys.add(c.repo)
    counting = [m for m in det.mentions if m.counts]
    dra_all = [m for m in counting if m.target in dra_keys]
    plugin_all = [m for m in counting if m.target in plugin_keys and m.target not in dra_keys]
    dra_lines, plugin_lines = _lines_by_file(dra_all), _lines_by_file(plugin_all)
    plugin_all = [m for m in plugin_all if not _overruled(texts, m, plugin_lines, dra_lines)
                  and not (m.target == DEVICE_PLUGIN_SIGNAL and _qualified_by(texts, m, spec.dra.dra_claim_words))]
    dra_all = [m for m in dra_all if not _overruled(texts, m, dra_lines, plugin_lines)]
    dra = [m for m in dra_all if m.target == DRA_SIGNAL]
    plugin = [m for m in plugin_all if m.target == DEVICE_PLUGIN_SIGNAL]
    for c in det.components:  # one per component, at its first place that still counts
        if c.repo in dra_keys - {DRA_SIGNAL}:
            first = next((m for m in dra_all if m.target == c.repo), None)
            if first is not None:
                dra.append(Mention(DRA_SIGNAL, first.place, Via.NAME, c.name))
        elif c.repo in plugin_keys - {DEVICE_PLUGIN_SIGNAL}:
            first = next((m for m in plugin_all if m.target == c.repo), None)
            if first is not None:
                plugin.append(Mention(DEVICE_PLUGIN_SIGNAL, first.place, Via.NAME, c.name))
    versions: list[str] = []
    for m in det.mentions:
        if m.target == DRA_SIGNAL and m.api_version and m.api_version not in versions:
            versions.append(m.api_version)
    shown = [m for m in dra if not spec.dra.is_claim(m) or _stated_in_use(texts, m)]
    if plugin and not shown:
        approach = "device plugin only"  # DRA named, a device plugin described (device-plugin-as-dra)
    elif dra and plugin:
        approach = "both"
    elif dra:
        approach = "DRA"
    elif plugin:
        approach = "device plugin only"
    else:
        approach = NOT_STATED
    features = tuple(_techniques(det, catalog, spec.dra_feature_groups))
    return DraApproach(approach, tuple(versions), len(dra), len(plugin), features)


def _techniques(det: Detection, catalog: Catalog, groups: Sequence[str], texts: _Texts | None = None) -> list[str]:
    """Names of the techniques the submission names whose catalog group is in `groups`.
    With `texts`, a technique named only in headings whose commands name another of these
    techniques and never it is left out (the commands say what the step does)."""
    keys = {}
    for name in det.techniques:
        key = f"{Kind.TECHNIQUE.value}:{name.lower()}"
        entry = catalog.entry(key)
        if entry is not None and (entry.group or "") in groups:
            keys[key] = name
    if texts is None or len(keys) < 2:
        return list(keys.values())
    counting = [m for m in det.mentions if m.counts and m.target in keys]
    lines = {k: _lines_by_file(m for m in counting if m.target == k) for k in keys}
    out = []
    for key, name in keys.items():
        rival: dict[str, set[int]] = {}
        for other, by_file in lines.items():
            if other != key:
                for path, ns in by_file.items():
                    rival.setdefault(path, set()).update(ns)
        if any(not _overruled(texts, m, lines[key], rival) for m in counting if m.target == key):
            out.append(name)
    return out


def solve(sub: Submission, det: Detection, catalog: Catalog, spec: SolutionsSpec,
          files: Mapping[str, LocalFile] | None = None) -> SubmissionSolutions:
    topics: dict[str, Solution] = {}
    for topic in spec.topics:
        sol = solve_topic(topic, sub, det, catalog)
        if sol is not None:
            topics[topic.key] = sol
    texts = _Texts(sub, files)
    sharing = tuple(_techniques(det, catalog, spec.gpu_sharing_groups, texts))
    return SubmissionSolutions(topics, det.accelerators, sharing, dra_approach(det, catalog, spec, sub, files))
