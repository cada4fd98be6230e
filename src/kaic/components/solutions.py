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

import yaml

from ..model import Status, Submission
from .catalog import Catalog, Entry
from .model import Detection, Kind, Mention, Via

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
    return parse_spec(yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
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


def dra_approach(det: Detection, catalog: Catalog, spec: SolutionsSpec) -> DraApproach:
    dra = [m for m in det.mentions if m.target == DRA_SIGNAL and m.counts]
    plugin = [m for m in det.mentions if m.target == DEVICE_PLUGIN_SIGNAL and m.counts]
    for c in det.components:
        entry = catalog.entry(c.repo)
        if entry is None:
            continue
        if set(entry.roles) & set(spec.dra.dra_roles):
            dra.append(Mention(DRA_SIGNAL, c.places[0], Via.NAME, c.name))
        if set(entry.roles) & set(spec.dra.device_plugin_roles):
            plugin.append(Mention(DEVICE_PLUGIN_SIGNAL, c.places[0], Via.NAME, c.name))
    versions: list[str] = []
    for m in det.mentions:
        if m.target == DRA_SIGNAL and m.api_version and m.api_version not in versions:
            versions.append(m.api_version)
    shown = [m for m in dra if not spec.dra.is_claim(m)]
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


def _techniques(det: Detection, catalog: Catalog, groups: Sequence[str]) -> list[str]:
    """Names of the techniques the submission names whose catalog group is in `groups`."""
    out = []
    for name in det.techniques:
        entry = catalog.entry(f"{Kind.TECHNIQUE.value}:{name.lower()}")
        if entry is not None and (entry.group or "") in groups:
            out.append(name)
    return out


def solve(sub: Submission, det: Detection, catalog: Catalog, spec: SolutionsSpec) -> SubmissionSolutions:
    topics: dict[str, Solution] = {}
    for topic in spec.topics:
        sol = solve_topic(topic, sub, det, catalog)
        if sol is not None:
            topics[topic.key] = sol
    sharing = tuple(_techniques(det, catalog, spec.gpu_sharing_groups))
    return SubmissionSolutions(topics, det.accelerators, sharing, dra_approach(det, catalog, spec))
