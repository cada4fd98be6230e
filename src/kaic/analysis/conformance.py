"""Full conformance of a submission: every MUST of its version's checklist met.

- strict: every MUST is "Implemented";
- lenient: every MUST is "Implemented", or "N/A" with notes that say why.

An "Implemented" whose notes argue that the requirement does not apply ("satisfied by
virtue of the condition not applying": the `na-in-disguise` rule, phrases in
data/requirement_terms.yaml) is read as the N/A it is: it fails strict conformance (as
"N/A in disguise") and passes lenient conformance like any N/A with notes.

The level is the checklist's, never the one a vendor wrote into its file. A submission
whose version has no readable checklist, or whose file could not be parsed, cannot be
judged: both verdicts are None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Checklist, Status, Submission
from ..terms import cues
from .matrix import MISSING

STRICT_RULE = ("every MUST requirement of the version's checklist is Implemented (an Implemented whose notes "
               "argue the requirement does not apply counts as N/A)")
NA_IN_DISGUISE = "N/A in disguise"
LENIENT_RULE = "every MUST requirement is Implemented, or N/A with notes explaining why"


@dataclass(frozen=True, slots=True)
class Shortfall:
    requirement: str
    status: str  # a normalized status value, or "missing"


@dataclass(frozen=True)
class Verdict:
    path: str
    version: str
    strict: bool | None
    lenient: bool | None
    must: tuple[str, ...] = ()  # the MUST ids that were checked
    strict_failures: tuple[Shortfall, ...] = ()
    lenient_failures: tuple[Shortfall, ...] = ()
    accepted_na: tuple[str, ...] = ()  # MUST ids that pass only leniently (N/A with notes)
    reason: str = ""  # why there is no verdict


def verdict(sub: Submission, checklist: Checklist | None) -> Verdict:
    if checklist is None or checklist.error or not checklist.requirements:
        why = "no checklist for this version" if checklist is None else "the checklist could not be read"
        return Verdict(sub.path, sub.version, None, None, reason=why)
    if not sub.parsed:
        return Verdict(sub.path, sub.version, None, None, reason="the file could not be parsed")
    must = tuple(dict.fromkeys(r.id for r in checklist.requirements if r.is_must))
    first = {a.id: (a.status, a.notes) for a in sub.answered}
    strict_fail: list[Shortfall] = []
    lenient_fail: list[Shortfall] = []
    accepted: list[str] = []
    for rid in must:
        if rid not in first:
            strict_fail.append(Shortfall(rid, MISSING))
            lenient_fail.append(Shortfall(rid, MISSING))
            continue
        status, notes = first[rid]
        if status is Status.IMPLEMENTED and cues().not_applying_in(notes):
            strict_fail.append(Shortfall(rid, NA_IN_DISGUISE))
            accepted.append(rid)
            continue
        if status is Status.IMPLEMENTED:
            continue
        strict_fail.append(Shortfall(rid, status.value))
        if status is Status.NA and notes.strip():
            accepted.append(rid)
        else:
            lenient_fail.append(Shortfall(rid, status.value))
    return Verdict(sub.path, sub.version, not strict_fail, not lenient_fail, must,
                   tuple(strict_fail), tuple(lenient_fail), tuple(accepted))


_SEEN: dict[tuple[int, int], tuple[Submission, Checklist | None, Verdict]] = {}
"""A history walk meets the same parsed submission and checklist objects at every commit."""


def _known_verdict(sub: Submission, checklist: Checklist | None) -> Verdict:
    key = (id(sub), id(checklist))
    seen = _SEEN.get(key)
    if seen is not None and seen[0] is sub and seen[1] is checklist:
        return seen[2]
    found = verdict(sub, checklist)
    if len(_SEEN) >= 4096:
        _SEEN.clear()
    _SEEN[key] = (sub, checklist, found)  # the objects are kept: their ids stay theirs
    return found


def verdicts(submissions: Iterable[Submission], checklists: Mapping[str, Checklist]) -> dict[str, Verdict]:
    return {s.path: _known_verdict(s, checklists.get(s.version)) for s in submissions}
