"""Accepted findings: rule selection, inline suppressions and the accepted-findings file.

- Selection (`--select`, `--ignore`): `restrict(config, select, ignore)` switches off
  every rule not selected, or ignored, so those rules do not even run.
- Inline suppression, written by a vendor or reviewer in PRODUCT.yaml:

      # kaic: ignore[rule-id, other-rule] the reason
      key: value        # kaic: ignore[rule-id] the reason

  A comment after a value covers findings on its line; a comment alone on a line covers
  the next line; one before the first key of the file covers the whole file.
- The accepted-findings file (`kaic validate --write-baseline FILE`, read back with
  `--baseline FILE`): the findings accepted once, matched later by file, rule,
  requirement and message (not by line, which moves when a file is edited), so only
  new findings are reported.

Pure functions over text and data; reading the files is the caller's business.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import rules as _rules
from .config import Config
from .envelope import envelope
from .rules import Finding, Severity
from .source import SourceInfo

ACCEPTED_KIND = "kaic-accepted"
ACCEPTED_SCHEMA = "1.0"
MAX_RULES_PER_COMMENT = 50

# Linear: bounded classes, no nested repetition.
_SUPPRESS = re.compile(r"#\s*kaic:\s*ignore\[([^\]\n]{1,2000})\][ \t]*([^\n]{0,500})")
_KEY_LINE = re.compile(r"^[^\s#-]")  # a top-level key (or anything else that is not a comment)


class SelectionError(ValueError):
    """An unknown rule id in --select/--ignore (message says which, with a suggestion)."""


def rule_ids(text: Iterable[str] | None) -> list[str]:
    """Comma- or space-separated ids from one or more option values."""
    out: list[str] = []
    for value in text or ():
        out += [part for part in re.split(r"[,\s]+", value) if part]
    return out


def canonical_rule(name: str, suggest: Callable[[str, Iterable[str]], str],
                   known: Iterable[str] | None = None) -> str:
    """The id among `known` (the file rules by default) `name` stands for (case-insensitive);
    SelectionError if none."""
    known = list(_rules.RULES if known is None else known)
    folded = {rid.lower(): rid for rid in known}
    found = folded.get(name.strip().lower())
    if found is None:
        hint = suggest(name, known)
        raise SelectionError(f"unknown rule {name!r}" + (f"; {hint}" if hint else " (see `kaic rules`)"))
    return found


def restrict(config: Config, select: Iterable[str], ignore: Iterable[str],
             suggest: Callable[[str, Iterable[str]], str]) -> Config:
    """`config` with every rule outside `select` (when given) or inside `ignore` off."""
    chosen = {canonical_rule(r, suggest) for r in select}
    dropped = {canonical_rule(r, suggest) for r in ignore}
    if not chosen and not dropped:
        return config
    rules = dict(config.rules)
    for rid in _rules.RULES:
        if (chosen and rid not in chosen) or rid in dropped:
            rules[rid] = None
    return replace(config, rules=rules)


def at_or_above(severity: Severity, threshold: Severity) -> bool:
    order = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
    return order[severity] >= order[threshold]


def fails(findings: Iterable[Finding], threshold: Severity) -> bool:
    """True when a finding is at `threshold` or more severe (--fail-on)."""
    return any(at_or_above(f.severity, threshold) for f in findings)


# -- inline suppressions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Suppressions:
    whole_file: Mapping[str, str] = field(default_factory=dict)  # rule id -> reason
    by_line: Mapping[int, Mapping[str, str]] = field(default_factory=dict)

    def covers(self, finding: Finding) -> bool:
        if finding.rule in self.whole_file:
            return True
        return finding.line is not None and finding.rule in self.by_line.get(finding.line, {})


def parse_suppressions(text: str) -> Suppressions:
    """The `# kaic: ignore[...]` comments of a PRODUCT.yaml."""
    whole: dict[str, str] = {}
    by_line: dict[int, dict[str, str]] = {}
    seen_key = False
    pending: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        m = _SUPPRESS.search(line) if "kaic" in line else None
        ids: dict[str, str] = {}
        if m:
            reason = m.group(2).strip()
            for rid in rule_ids([m.group(1)])[:MAX_RULES_PER_COMMENT]:
                ids[rid.lower()] = reason
        if stripped.startswith("#"):
            if ids and not seen_key:
                whole.update(ids)
            elif ids:
                pending.update(ids)
            continue
        if not stripped:
            continue
        if _KEY_LINE.match(line):
            seen_key = True
        here = {**pending, **ids}
        pending = {}
        if here:
            by_line[number] = here
    folded = {rid.lower(): rid for rid in _rules.RULES}
    return Suppressions(
        {folded.get(k, k): v for k, v in whole.items()},
        {n: {folded.get(k, k): v for k, v in ids.items()} for n, ids in by_line.items()},
    )


# -- the accepted-findings file -----------------------------------------------------------------


def finding_key(f: Finding) -> tuple[str, str, str, str]:
    return (f.path, f.rule, f.requirement or "", " ".join(f.message.split()))


def accepted_document(findings: Iterable[Finding], source: SourceInfo) -> dict[str, Any]:
    entries = [{"path": f.path, "rule": f.rule, "requirement": f.requirement, "message": f.message,
                "severity": f.severity.value} for f in findings]
    summary = {"accepted": len(entries), **{s.value: sum(1 for e in entries if e["severity"] == s.value)
                                            for s in Severity}}
    return envelope(ACCEPTED_KIND, {"findings": entries}, source=source, summary=summary,
                    schema_version=ACCEPTED_SCHEMA)


class AcceptedError(ValueError):
    """The accepted-findings file cannot be used."""


def parse_accepted(text: str, origin: str) -> Counter[tuple[str, str, str, str]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AcceptedError(f"{origin}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("kind") != ACCEPTED_KIND or not isinstance(doc.get("findings"), list):
        raise AcceptedError(f"{origin}: not an accepted-findings file (kind {ACCEPTED_KIND})")
    keys: Counter[tuple[str, str, str, str]] = Counter()
    for entry in doc["findings"]:
        if not isinstance(entry, dict):
            raise AcceptedError(f"{origin}: every entry of 'findings' must be an object")
        keys[(str(entry.get("path") or ""), str(entry.get("rule") or ""), str(entry.get("requirement") or ""),
              " ".join(str(entry.get("message") or "").split()))] += 1
    return keys


def partition(findings: Iterable[Finding], suppressions: Mapping[str, Suppressions],
              accepted: Counter[tuple[str, str, str, str]] | None = None) -> tuple[list[Finding], list[Finding]]:
    """(reported, set aside): findings suppressed inline or accepted (each accepted entry
    absorbs one matching finding) are set aside."""
    left = Counter(accepted or {})
    reported: list[Finding] = []
    aside: list[Finding] = []
    for f in findings:
        supp = suppressions.get(f.path)
        if supp is not None and supp.covers(f):
            aside.append(f)
            continue
        key = finding_key(f)
        if left[key] > 0:
            left[key] -= 1
            aside.append(f)
            continue
        reported.append(f)
    return reported, aside
