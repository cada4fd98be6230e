"""RepoState + rules -> findings: the service behind `kaic validate`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from . import cache
from . import rules as _rules
from .config import Config
from .load import RepoState
from .model import Submission
from .policy import DEFAULT_POLICY, POLICIES, PolicyError, severity, upstream_message
from .rules import Context, Finding, Rule, Severity
from .source import SourceInfo

INTERNAL_ERROR = "kaic-internal-error"


class ActiveRules(Mapping[str, Rule]):
    """The rules a configuration runs, at its severities; worked out on first use, so a
    run whose findings all came from the result cache does not load the rule modules."""

    def __init__(self, config: Config | None = None) -> None:
        self._config = config
        self._rules: dict[str, Rule] | None = None

    def _resolved(self) -> dict[str, Rule]:
        if self._rules is None:
            config = self._config or Config()
            self._rules = {rid: replace(r, severity=config.severity(rid, r.severity))
                           for rid, r in _rules.RULES.items() if config.enabled(rid)}
        return self._rules

    def __getitem__(self, rule_id: str) -> Rule:
        return self._resolved()[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._resolved())

    def __len__(self) -> int:
        return len(self._resolved())

    def __repr__(self) -> str:
        return f"ActiveRules({self._config!r})"


@dataclass(frozen=True)
class ValidationResult:
    source: SourceInfo
    submissions: tuple[Submission, ...]
    findings: tuple[Finding, ...]
    rules: Mapping[str, Rule] = field(default_factory=ActiveRules)  # the rules that ran
    policy: str = DEFAULT_POLICY  # the policy that decided the severities (kaic.policy.POLICIES)
    suppressed: tuple[Finding, ...] = ()  # set aside: inline `# kaic: ignore[...]` or accepted

    def findings_for(self, sub: Submission) -> list[Finding]:
        return [f for f in self.findings if f.path == sub.path]

    def ok(self, sub: Submission) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings_for(sub))

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def failed(self) -> bool:
        return self.count(Severity.ERROR) > 0


def _sort_key(f: Finding) -> tuple[str, int, str]:
    return (f.path, f.line or 0, f.rule)


def check_submission(state: RepoState, sub: Submission, config: Config,
                     policy: str = DEFAULT_POLICY) -> list[Finding]:
    """Every enabled rule's findings for `sub`; with a result cache in use, reused while
    the submission, checklists, configuration and every file the rules looked at are
    unchanged (see kaic.reuse)."""
    store = cache.active()
    if store is None:
        return _run_rules(state, sub, config, policy)
    from . import reuse

    key = reuse.key_of(state, sub, config, policy)
    stored = store.get(reuse.NAMESPACE, key)
    if isinstance(stored, reuse.Record) and stored.holds(state):
        return list(stored.findings)
    view = reuse.View(state)
    found = _run_rules(view.state, sub, config, policy)
    record = view.record(found)
    if record is not None and not any(f.rule == INTERNAL_ERROR for f in found):
        store.put(reuse.NAMESPACE, key, record)
    return found


def _run_rules(state: RepoState, sub: Submission, config: Config, policy: str) -> list[Finding]:
    ctx = Context(state, state.checklist_for(sub))
    found: list[Finding] = []
    for rule in _rules.RULES.values():
        if not config.enabled(rule.id):
            continue
        configured = config.rules.get(rule.id)
        try:
            for hit in rule.check(sub, ctx):
                found.append(
                    Finding(
                        rule=rule.id,
                        severity=severity(rule, hit, policy, sub.version, configured),
                        path=sub.path,
                        line=hit.line,
                        requirement=hit.requirement,
                        message=hit.message,
                        hint=rule.hint,
                        upstream=upstream_message(rule.id, hit, sub.path, sub.folder, sub.version),
                    )
                )
        except Exception as exc:  # one broken rule must not lose the other results
            found.append(
                Finding(INTERNAL_ERROR, Severity.ERROR, sub.path, None, None,
                        f"rule {rule.id} crashed: {type(exc).__name__}: {exc}",
                        "Please report this as a kaic bug, with the file.")
            )
    return found


def validate(state: RepoState, config: Config | None = None,
             submissions: Iterable[Submission] | None = None,
             policy: str = DEFAULT_POLICY) -> ValidationResult:
    if policy not in POLICIES:
        raise PolicyError(f"unknown policy {policy!r}; use one of {', '.join(POLICIES)}")
    config = config or Config()
    chosen = tuple(submissions) if submissions is not None else state.submissions
    findings: list[Finding] = []
    for sub in chosen:
        findings.extend(check_submission(state, sub, config, policy))
    findings.sort(key=_sort_key)
    return ValidationResult(state.source, chosen, tuple(findings), ActiveRules(config), policy)
