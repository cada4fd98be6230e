"""Policies: how severe a finding is, and what the upstream validator says about it.

What the upstream Go validator does with the input of each rule is data
(`data/policies.yaml`): its verdict (`fails`, `cannot-load`, `passes`,
`not-checked`) and the message it prints. A policy is data too: how each verdict
is treated (`own`: the rule's severity; `error`; `at-most-warning`), plus
exceptions such as the faq policy's conditional MUSTs (`data/conditional_musts.yaml`).

`severity()` is the one place where a finding's severity is decided from
(rule, hit, policy); rules never look at the policy. A rule that knows upstream
fails only some of its hits says so on the hit (`Hit.upstream_fails`), a fact
about the input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from typing import Any, Protocol

from .rules import Hit, Severity

__all__ = ["DEFAULT_POLICY", "POLICIES", "PolicyError", "checks", "describe", "severity", "upstream_message", "upstream_of",
           "verdict"]

POLICIES = ("kaic", "upstream", "faq")
"""Every policy `kaic validate --policy` accepts; the first is the default."""

DEFAULT_POLICY = POLICIES[0]

VERDICTS = ("fails", "cannot-load", "passes", "not-checked")
FAILING = frozenset({"fails", "cannot-load"})

DATA = Path(__file__).resolve().parent / "data"
POLICIES_PATH = DATA / "policies.yaml"
CONDITIONAL_MUSTS_PATH = DATA / "conditional_musts.yaml"


class PolicyError(ValueError):
    """The policy data is inconsistent (a kaic bug; the tests keep it from shipping)."""


@dataclass(frozen=True, slots=True)
class Upstream:
    """What the upstream validator does with the input of one rule."""

    verdict: str  # one of VERDICTS, for hits that state no fact of their own
    messages: Mapping[str, str]  # case -> message template ("" = the only case)
    only_when: str = ""  # which hits upstream fails, when not all of them
    note: str = ""

    def message(self, case: str) -> str | None:
        return self.messages.get(case) or self.messages.get("")


@dataclass(frozen=True, slots=True)
class Override:
    """A policy's exception: hits of `rule` meeting condition `when` get `severity`."""

    rule: str
    when: str
    severity: Severity


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    summary: str
    treat: Mapping[str, str]  # verdict -> own | error | at-most-warning
    exceptions: tuple[Override, ...] = ()


@dataclass(frozen=True, slots=True)
class PolicyData:
    upstream_ref: str
    policies: Mapping[str, Policy]
    rules: Mapping[str, Upstream]
    conditional: Mapping[str, frozenset[str]]  # requirement id -> checklist versions
    wording: Mapping[str, str]  # requirement id -> the checklist words that make it conditional


def _read_yaml(path: Path) -> Any:
    from ._yaml import load_data

    return load_data(path.read_text(encoding="utf-8"))


def parse(raw: Mapping[str, Any], conditional_raw: Mapping[str, Any]) -> PolicyData:
    """Typed policy data from the two YAML documents (already schema-valid)."""
    policies: dict[str, Policy] = {}
    for name, p in raw["policies"].items():
        treat = dict(p["treat"])
        missing = set(VERDICTS) - set(treat)
        if missing:
            raise PolicyError(f"policy {name} does not say how to treat {sorted(missing)}")
        policies[name] = Policy(
            name, p["summary"], treat,
            tuple(Override(e["rule"], e["when"], Severity(e["severity"])) for e in p.get("exceptions", ())),
        )
    if tuple(policies) != POLICIES:
        raise PolicyError(f"policies.yaml defines {tuple(policies)}, kaic knows {POLICIES}")
    rules: dict[str, Upstream] = {}
    for rule_id, r in raw["rules"].items():
        message = r.get("message", "")
        messages = dict(message) if isinstance(message, Mapping) else {"": message}
        rules[rule_id] = Upstream(r["upstream"], messages, r.get("only_when", ""), r.get("note", ""))
    conditional = {c["id"]: frozenset(c["versions"]) for c in conditional_raw["requirements"]}
    wording = {c["id"]: c["wording"] for c in conditional_raw["requirements"]}
    return PolicyData(raw["upstream_ref"], policies, rules, conditional, wording)


@cache
def load() -> PolicyData:
    return parse(_read_yaml(POLICIES_PATH), _read_yaml(CONDITIONAL_MUSTS_PATH))


def schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema of the policy data (for tests and tools)."""
    import json

    loaded: dict[str, Any] = json.loads((DATA / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


NOT_DESCRIBED = Upstream("not-checked", {})


def upstream_of(rule_id: str) -> Upstream:
    """What upstream does with this rule's input (`not-checked` for a rule the data lacks)."""
    return load().rules.get(rule_id, NOT_DESCRIBED)


def verdict(rule_id: str, hit: Hit) -> str:
    """Upstream's verdict on this hit: the rule's, refined by the fact the hit states."""
    general = upstream_of(rule_id).verdict
    if hit.upstream_fails is None:
        return general
    if hit.upstream_fails:
        return general if general in FAILING else "fails"
    return "passes"


def is_conditional_must(requirement: str | None, version: str) -> bool:
    return requirement is not None and version in load().conditional.get(requirement, frozenset())


def _justified_conditional_must(hit: Hit, version: str) -> bool:
    """The hit's requirement is a conditional MUST in this version, and its notes say why."""
    return is_conditional_must(hit.requirement, version) and bool(dict(hit.facts).get("notes", "").strip())


_CONDITIONS = {"justified-conditional-must": _justified_conditional_must}


class Rated(Protocol):
    """What severity() reads of a rule: a Rule, or an online check (kaic.online)."""

    @property
    def id(self) -> str: ...

    @property
    def severity(self) -> Severity: ...


def severity(rule: Rated, hit: Hit, policy: str = DEFAULT_POLICY, version: str = "",
             configured: Severity | None = None) -> Severity:
    """The severity of the finding `rule` makes of `hit` under `policy`.

    `configured` is the severity a kaic configuration gives the rule; under a policy
    that predicts upstream it cannot lower what upstream fails.
    """
    own = configured if configured is not None else (hit.severity or rule.severity)
    data = load()
    chosen = data.policies.get(policy)
    if chosen is None:
        raise PolicyError(f"unknown policy {policy!r}; use one of {', '.join(POLICIES)}")
    for exc in chosen.exceptions:
        if exc.rule == rule.id and _CONDITIONS[exc.when](hit, version):
            return exc.severity
    treatment = chosen.treat[verdict(rule.id, hit)]
    if treatment == "error":
        return Severity.ERROR
    if treatment == "at-most-warning" and own is Severity.ERROR:
        return Severity.WARNING
    return own


def upstream_message(rule_id: str, hit: Hit, path: str, folder: str, version: str) -> str | None:
    """The message upstream's validator prints for this hit; None when it lets it through."""
    if verdict(rule_id, hit) not in FAILING:
        return None
    facts = dict(hit.facts)
    template = upstream_of(rule_id).message(facts.get("case", ""))
    if not template:
        return None
    values = {"requirement": hit.requirement or "", "line": str(hit.line or ""), "path": path,
              "folder": folder, "release": version, **facts}
    return Template(template).safe_substitute(values)


_PLACEHOLDER = re.compile(r"\$\{?(\w+)\}?")


def describe(rule_id: str) -> str:
    """`kaic rules ID`'s paragraph on what upstream does with the same input."""
    up = upstream_of(rule_id)
    words = {
        "fails": "fails the submission",
        "cannot-load": "cannot load the file at all and fails it",
        "passes": "lets it through",
        "not-checked": "does not check this",
    }
    text = f"Upstream validator ({load().upstream_ref}): {words[up.verdict]}"
    if up.only_when:
        text += f" only when {up.only_when}; otherwise it lets it through"
    text += "."
    shown = [_PLACEHOLDER.sub(r"<\1>", m) for m in up.messages.values() if m]
    if shown and checks(rule_id):
        text += "\nIt prints: " + "\n       or: ".join(shown)
    if up.note:
        text += f"\n{up.note}"
    return text


def checks(rule_id: str) -> bool:
    """Whether upstream fails any input of this rule (the `upstream` column of `kaic rules`)."""
    up = upstream_of(rule_id)
    return up.verdict in FAILING or bool(up.only_when)
