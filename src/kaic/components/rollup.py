"""Umbrella packages carry their members: a submission that names kube-prometheus-stack
runs Prometheus, one that names the NVIDIA GPU Operator runs its device plugin, DCGM
exporter and container toolkit. The members are catalog data (a project's `includes`);
a member the submission does not name itself is added as a component `via` the umbrella,
at the umbrella's places, without a version (the umbrella's version is its own).
"""

from __future__ import annotations

from dataclasses import replace

from .catalog import Catalog
from .model import Component, Detection


def members(catalog: Catalog, key: str, _seen: frozenset[str] = frozenset()) -> list[str]:
    """The projects an umbrella carries, nested umbrellas included, in catalog order."""
    entry = catalog.entry(key)
    if entry is None or key in _seen:
        return []
    out: list[str] = []
    for member in entry.get("includes") or ():
        if catalog.entry(member) is None or member in out:
            continue
        out.append(member)
        out += [m for m in members(catalog, member, _seen | {key}) if m not in out]
    return out


def roll_up(det: Detection, catalog: Catalog) -> Detection:
    """The detection with every umbrella's unnamed members added as `via` components."""
    have = {c.repo for c in det.components} | {c.repo for c in det.platform}
    added: list[Component] = []
    for umbrella in det.components:
        for member in members(catalog, umbrella.repo):
            if member in have:
                continue
            have.add(member)
            added.append(Component(repo=member, name=catalog.name(member), mark="X", version=None, versions=(),
                                   places=umbrella.places, via=umbrella.name))
    return replace(det, components=det.components + tuple(added)) if added else det
