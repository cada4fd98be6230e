"""A renewal's summary: what the vendor must look at, as plain lines."""

from __future__ import annotations

from .renew import Renewal


def renewal_summary(r: Renewal, copied: list[tuple[str, str]], copy: bool) -> list[str]:
    """What needs the vendor's attention after a renewal, as lines to print."""
    out = [f"Renewed from {r.old.path}: {len(r.carried)} answer(s) carried over; review them."]
    old_k8s, new_k8s = r.kubernetes_version
    out.append(f"kubernetesVersion: {old_k8s or '(none)'} -> {new_k8s}")
    if r.new:
        out.append(f"New requirements, to answer ({len(r.new)}):")
        out += [f"  {q.category}/{q.id} ({q.level})" for q in r.new]
    if r.dropped:
        out.append(f"Dropped from the v{r.checklist.version} checklist ({len(r.dropped)}), "
                   "old answers kept as comments at the end of the file:")
        for a in r.dropped:
            refs = ", ".join(e.raw.strip() for e in a.references) or "no evidence"
            out.append(f"  {a.category}/{a.id}: {a.status_raw.strip() or 'no status'}; {refs}")
    if r.risen:
        out.append(f"Now MUST and the old answer would fail ({len(r.risen)}):")
        out += [f"  {x.requirement.id} (was {x.old_level}): {x.reason}" for x in r.risen]
    if r.evidence_files:
        out.append(f"Local evidence files cited ({len(r.evidence_files)}):")
        if copy:
            out += [f"  {path}: {outcome}" for path, outcome in copied]
        else:
            out += [f"  {path}" for path in r.evidence_files]
            out.append("  (not copied; pass --copy-evidence to copy them into the new folder)")
    if r.prefixed:
        state = (f"now naming {r.target}/" if r.retargeted
                 else f"still naming {r.old.folder}/ (with --copy-evidence they name the new folder)")
        out.append(f"References written with the old folder's path, {state}:")
        out += [f"  {ref}" for ref in r.prefixed]
    if r.outside:
        out.append("Local references outside the old folder (never copied):")
        out += [f"  {ref}" for ref in r.outside]
    out.append(f"Then run: kaic validate {r.target}")
    return out
