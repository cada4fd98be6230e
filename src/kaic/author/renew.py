"""`kaic init vX.Y/<product> --from vA.B/<old>`: last year's answers in this year's checklist.

Answers (status, evidence, notes) of every requirement the new checklist still has are
carried into its structure and wording; what the vendor must look at is listed in the
`Renewal`: new requirements, dropped ones with their old answers, levels that rose to
MUST where the old answer would now fail, and the local evidence files cited.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import (
    Answer,
    Checklist,
    Evidence,
    EvidenceKind,
    Requirement,
    Status,
    Submission,
)
from .template import AnswerText, is_placeholder, metadata_lines, product_text, template_metadata


@dataclass(frozen=True, slots=True)
class Risen:
    requirement: Requirement
    old_level: str
    answer: Answer
    reason: str


@dataclass(frozen=True)
class Renewal:
    old: Submission
    checklist: Checklist
    target: str  # "v1.36/gke"
    carried: tuple[str, ...]  # requirement ids whose answers were carried
    new: tuple[Requirement, ...]  # in the new checklist only: empty in the new file
    dropped: tuple[Answer, ...]  # answered in the old file, gone from the new checklist
    risen: tuple[Risen, ...]
    evidence_files: tuple[str, ...]  # repository paths inside the old product folder
    outside: tuple[str, ...]  # local references outside the old folder: never copied
    prefixed: tuple[str, ...]  # references written with the old folder's path (file://vA.B/old/x)
    retargeted: bool  # True: those now name the new folder (the files are being copied)
    kubernetes_version: tuple[str, str]  # (old, new)
    text: str = ""


def _answer_text(a: Answer, old_folder: str, new_folder: str | None) -> AnswerText:
    """The answer as it was; with `new_folder`, references naming the old folder name it."""
    evidence = []
    for e in a.evidence:
        if e.kind is EvidenceKind.EMPTY:
            continue
        raw = e.raw
        if new_folder and _local_file(e, old_folder)[1]:
            raw = raw.replace(old_folder + "/", new_folder + "/", 1)
        evidence.append(raw)
    return AnswerText(a.status_raw, tuple(evidence), a.notes)


def _local_file(e: Evidence, folder: str) -> tuple[str | None, bool]:
    """(the repository path of a local reference inside `folder`, or None; whether it
    is written from the repository root, `vA.B/<product>/...`)."""
    if e.kind not in (EvidenceKind.FILE, EvidenceKind.PATH):
        return None, False
    written = e.target.removeprefix("file://").replace("\\", "/").lstrip("/")
    if written.startswith(folder + "/"):
        path = posixpath.normpath(written)
        return (path if path.startswith(folder + "/") else None), True
    if e.outside or not e.resolved or not e.resolved.startswith(folder + "/"):
        return None, False
    return e.resolved, False


def _would_fail_as_must(a: Answer) -> str | None:
    if a.status is not Status.IMPLEMENTED:
        return f"status is {a.status_raw.strip() or 'empty'}; a MUST needs Implemented"
    if not a.references:
        return "Implemented without evidence; a MUST needs evidence"
    return None


def _old_metadata(old: Submission) -> dict[str, str]:
    out = {}
    for name, f in old.metadata.items():
        if f.value is None or isinstance(f.value, dict | list):
            continue
        out[name] = f.value if isinstance(f.value, str) else str(f.value)
    return out


def renew(old: Submission, old_checklist: Checklist | None, checklist: Checklist,
          checklist_text: str, target: str, given: Mapping[str, str], retarget: bool = False) -> Renewal:
    """The renewal of `old` into `checklist` at `target` ("vX.Y/<product>"); `retarget`
    (when the evidence files are copied) points references naming the old folder at the new."""
    answers = {a.id: a for a in old.answered if a.id}
    new_ids = set(checklist.ids)
    carried = {rid: _answer_text(a, old.folder, target if retarget else None)
               for rid, a in answers.items() if rid in new_ids}
    new = tuple(r for r in checklist.requirements if r.id not in answers)
    dropped = tuple(a for rid, a in answers.items() if rid not in new_ids)

    risen = []
    for req in checklist.requirements:
        a = answers.get(req.id)
        before = old_checklist.requirement(req.id) if old_checklist else None
        old_level = before.level if before else ((a.level or "") if a else "")
        if a is None or not req.is_must or old_level.strip().upper() == "MUST":
            continue
        reason = _would_fail_as_must(a)
        if reason:
            risen.append(Risen(req, old_level.strip() or "none", a, reason))

    files: dict[str, None] = {}
    outside: dict[str, None] = {}
    prefixed: dict[str, None] = {}
    for a in old.answered:
        if a.id not in new_ids:
            continue
        for e in a.evidence:
            if e.kind not in (EvidenceKind.FILE, EvidenceKind.PATH):
                continue
            path, from_root = _local_file(e, old.folder)
            if path is None:
                outside[e.raw.strip()] = None
                continue
            files[path] = None
            if from_root:
                prefixed[e.raw.strip()] = None

    template = template_metadata(checklist_text)
    values = _old_metadata(old)
    old_k8s = values.get("kubernetesVersion", "")
    new_k8s = template.get("kubernetesVersion", "")
    values["kubernetesVersion"] = new_k8s if new_k8s and not is_placeholder(new_k8s) else f"v{checklist.version}"
    values.update(given)
    renewal = Renewal(old, checklist, target, tuple(carried), new, dropped, tuple(risen),
                      tuple(files), tuple(outside), tuple(prefixed), retarget,
                      (old_k8s, values["kubernetesVersion"]))
    meta = metadata_lines(checklist, template, values)
    text = product_text(checklist, _header(renewal), meta, carried, _trailer(renewal))
    return Renewal(**{**renewal.__dict__, "text": text})


def _header(r: Renewal) -> list[str]:
    lines = [
        f"{r.target}/PRODUCT.yaml: Kubernetes AI Conformance v{r.checklist.version},",
        f"renewed by `kaic init --from {r.old.folder}` from {r.old.path} and {r.checklist.path}.",
        "Answers of requirements the new checklist still has were carried over; review them all.",
    ]
    if r.new:
        lines.append("New requirements, empty below: " + ", ".join(q.id for q in r.new))
    for x in r.risen:
        lines.append(f"Now MUST (was {x.old_level}), the old answer would fail: {x.requirement.id}: {x.reason}")
    lines.append(f"Check the file with: kaic validate {r.target}")
    return lines


def _trailer(r: Renewal) -> list[str]:
    if not r.dropped:
        return []
    lines = [f"Dropped from the v{r.checklist.version} checklist; the answers in {r.old.path} were:"]
    for a in r.dropped:
        lines.append(f"  {a.category}/{a.id}: status {a.status_raw!r}, notes {a.notes!r}")
        lines += [f"    evidence: {e.raw!r}" for e in a.evidence if e.kind is not EvidenceKind.EMPTY]
    return lines
