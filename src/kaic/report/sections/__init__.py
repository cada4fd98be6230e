"""The report's sections, in reading order: the one list to edit to add a section.

A section is a module here with a `SECTION` object following `report.section.Section`.
Its JSON data lands under `SECTION.key`; its Markdown under `## SECTION.title`.
"""

from __future__ import annotations

from ..section import Section
from . import (
    adoption,
    automated,
    component_findings,
    component_versions,
    components,
    conformance,
    deep_dives,
    distinctive_profiles,
    ecosystems,
    evidence,
    exceptions,
    findings,
    gaps,
    history,
    inventory,
    matrix,
    practices,
    profiles,
    projects,
    requirements,
    solutions,
    stack_patterns,
    summary,
    timeline,
    trends,
    vendors,
    versions,
)

SECTIONS: tuple[Section, ...] = (
    summary.SECTION,
    requirements.SECTION,
    versions.SECTION,
    conformance.SECTION,
    matrix.SECTION,
    history.SECTION,
    timeline.SECTION,
    trends.SECTION,
    exceptions.SECTION,
    automated.SECTION,
    findings.SECTION,
    vendors.SECTION,
    component_findings.SECTION,  # components, solutions, evidence, gaps (issue 4) ...
    components.SECTION,
    adoption.SECTION,
    projects.SECTION,
    ecosystems.SECTION,
    component_versions.SECTION,
    solutions.SECTION,
    evidence.SECTION,
    gaps.SECTION,
    profiles.SECTION,  # ... until here
    deep_dives.SECTION,  # requirement deep dives, distinctive profiles, practices (issue 15)
    stack_patterns.SECTION,
    distinctive_profiles.SECTION,
    practices.SECTION,
    inventory.SECTION,
)
