"""What changed between two baselines: a pure function from two documents to a delta.

The delta (JSON-able, rendered by `baseline.render`)::

    {"old": {source}, "new": {source},
     "totals": {"old": {submissions, vendors}, "new": {...}},
     "versions": {"added": [...], "removed": [...]},            # versions / version folders
     "checklists": [{version, change: added|removed|changed,
                     requirements: {added: [{id, level}], removed: [{id, level}],
                                    level: [{id, old, new}], category: [{id, old, new}],
                                    description: [id]},
                     metadata_fields: {added: [...], removed: [...]}}],
     "submissions": {"added": [{path, version, vendor, platform}], "removed": [...],
                     "changed": [{path, version, vendor, platform,
                                  statuses: [{requirement, old, new}],
                                  evidence: [{requirement, added: [...], removed: [...], reordered}],
                                  metadata: [{field, old, new}], notes: [requirement],
                                  verification: [{requirement, old, new}]}],  # self-assessed, verified, ...
                     "unchanged": n}}

A status "old"/"new" of None means the requirement is not in that file.
"""

from __future__ import annotations

from typing import Any

from ..components.delta import component_changes
from ..model import version_key

SELF_ASSESSED = "self-assessed"  # an answer no cited test artifact backs (artifacts.Backing)


def _brief(path: str, rec: dict[str, Any]) -> dict[str, Any]:
    return {"path": path, "version": rec.get("version", ""), "vendor": rec.get("vendor", ""),
            "platform": rec.get("platform", "")}


def _ordered_ids(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys([*old, *new]))


def _submission_changes(path: str, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any] | None:
    if old.get("fingerprint") and old.get("fingerprint") == new.get("fingerprint"):
        return None
    old_st, new_st = old.get("statuses", {}), new.get("statuses", {})
    statuses = [{"requirement": rid, "old": old_st.get(rid), "new": new_st.get(rid)}
                for rid in _ordered_ids(old_st, new_st) if old_st.get(rid) != new_st.get(rid)]
    old_ev, new_ev = old.get("evidence", {}), new.get("evidence", {})
    evidence = []
    for rid in _ordered_ids(old_ev, new_ev):
        before, after = list(old_ev.get(rid, [])), list(new_ev.get(rid, []))
        if before != after:
            gained = [e for e in after if e not in before]
            lost = [e for e in before if e not in after]
            evidence.append({"requirement": rid, "added": gained, "removed": lost,
                             "reordered": not gained and not lost})
    old_md, new_md = old.get("metadata", {}), new.get("metadata", {})
    metadata = [{"field": k, "old": old_md.get(k), "new": new_md.get(k)}
                for k in _ordered_ids(old_md, new_md) if old_md.get(k) != new_md.get(k)]
    old_notes, new_notes = old.get("notes", {}), new.get("notes", {})
    notes = [rid for rid in _ordered_ids(old_notes, new_notes) if old_notes.get(rid) != new_notes.get(rid)]
    old_back, new_back = old.get("backing", {}), new.get("backing", {})
    verification = [{"requirement": rid, "old": old_back.get(rid, SELF_ASSESSED), "new": new_back.get(rid, SELF_ASSESSED)}
                    for rid in _ordered_ids(old_back, new_back)
                    if old_back.get(rid, SELF_ASSESSED) != new_back.get(rid, SELF_ASSESSED)]
    if not (statuses or evidence or metadata or notes or verification):
        return None
    return {**_brief(path, new), "statuses": statuses, "evidence": evidence, "metadata": metadata, "notes": notes,
            "verification": verification}


def _checklist_changes(version: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any] | None:
    old_req = (old or {}).get("requirements", {})
    new_req = (new or {}).get("requirements", {})
    requirements = {
        "added": [{"id": rid, "level": new_req[rid].get("level")} for rid in new_req if rid not in old_req],
        "removed": [{"id": rid, "level": old_req[rid].get("level")} for rid in old_req if rid not in new_req],
        "level": [{"id": rid, "old": old_req[rid].get("level"), "new": new_req[rid].get("level")}
                  for rid in new_req if rid in old_req and old_req[rid].get("level") != new_req[rid].get("level")],
        "category": [{"id": rid, "old": old_req[rid].get("category"), "new": new_req[rid].get("category")}
                     for rid in new_req
                     if rid in old_req and old_req[rid].get("category") != new_req[rid].get("category")],
        "description": [rid for rid in new_req
                         if rid in old_req and old_req[rid].get("description") != new_req[rid].get("description")],
    }
    old_fields = list((old or {}).get("metadata_fields", []))
    new_fields = list((new or {}).get("metadata_fields", []))
    fields = {"added": [f for f in new_fields if f not in old_fields],
              "removed": [f for f in old_fields if f not in new_fields]}
    change = "added" if old is None else "removed" if new is None else "changed"
    if change == "changed" and not any(requirements.values()) and not any(fields.values()):
        return None
    return {"version": version, "change": change, "requirements": requirements, "metadata_fields": fields}


def _totals(doc: dict[str, Any]) -> dict[str, int]:
    totals = doc.get("totals") or {}
    return {"submissions": int(totals.get("submissions", len(doc.get("submissions", {})))),
            "vendors": int(totals.get("vendors", len(doc.get("vendors", []))))}


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The delta from baseline `old` to baseline `new` (see the module doc for its shape)."""
    old_subs: dict[str, Any] = old.get("submissions", {})
    new_subs: dict[str, Any] = new.get("submissions", {})

    def by_path(paths: set[str]) -> list[str]:
        return sorted(paths, key=lambda p: (version_key(p.split("/", 1)[0]), p.lower(), p))

    added = [_brief(p, new_subs[p]) for p in by_path(set(new_subs) - set(old_subs))]
    removed = [_brief(p, old_subs[p]) for p in by_path(set(old_subs) - set(new_subs))]
    changed = []
    unchanged = 0
    for path in by_path(set(old_subs) & set(new_subs)):
        delta = _submission_changes(path, old_subs[path], new_subs[path])
        if delta is None:
            unchanged += 1
        else:
            changed.append(delta)

    old_versions = set(old.get("versions", [])) | set(old.get("version_dirs", []))
    new_versions = set(new.get("versions", [])) | set(new.get("version_dirs", []))
    old_cl: dict[str, Any] = old.get("checklists", {})
    new_cl: dict[str, Any] = new.get("checklists", {})
    checklists = []
    for version in sorted(set(old_cl) | set(new_cl), key=version_key):
        delta = _checklist_changes(version, old_cl.get(version), new_cl.get(version))
        if delta is not None:
            checklists.append(delta)
    return {
        "old": old.get("source", {}),
        "new": new.get("source", {}),
        "totals": {"old": _totals(old), "new": _totals(new)},
        "versions": {"added": sorted(new_versions - old_versions, key=version_key),
                     "removed": sorted(old_versions - new_versions, key=version_key)},
        "checklists": checklists,
        "submissions": {"added": added, "removed": removed, "changed": changed, "unchanged": unchanged},
        "components": component_changes(old, new),
    }


def is_empty(delta: dict[str, Any]) -> bool:
    subs = delta["submissions"]
    return not (subs["added"] or subs["removed"] or subs["changed"] or delta["checklists"]
                or delta["versions"]["added"] or delta["versions"]["removed"])
