"""The review of one pull request: base and head commits in, a Review out."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..accept import fails
from ..config import Config, load_config
from ..lint import ValidationResult, validate
from ..load import RepoState, load_state
from ..model import SUBMISSION_PATH, Checklist, Submission
from ..rules import RULES, Finding, Severity
from ..source import GitRepo, GitSource, SourceInfo
from .checks import pr_findings
from .data import review_data
from .labels import labels_for
from .previous import Previous, compare, find_previous
from .selection import Selection, select
from .yardstick import YardstickSource

if TYPE_CHECKING:
    from ..online import LinkResult, OnlineOptions, OnlineReport

DEFAULT_POLICY = "upstream"


@dataclass(frozen=True)
class SubmissionReview:
    submission: Submission
    ok: bool
    previous: Previous | None
    backing: dict[str, str] = field(default_factory=dict)  # requirement -> kaic.artifacts.Backing value


@dataclass(frozen=True)
class Review:
    base: SourceInfo
    head: SourceInfo
    policy: str
    selection: Selection
    result: ValidationResult  # every finding (PR-level, rules, online), for the validate formats
    submissions: tuple[SubmissionReview, ...]
    checklists: dict[str, Checklist]  # the base's: the yardstick
    labels: tuple[str, ...]
    links: tuple[LinkResult, ...] = ()  # when the online checks ran
    online: bool = False  # whether the online checks ran
    fail_on: Severity = Severity.ERROR  # the verdict fails on a finding this severe or more

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.result.findings

    @property
    def passed(self) -> bool:
        return not fails(self.findings, self.fail_on)

    @property
    def verdict(self) -> str:
        return "pass" if self.passed else "changes-needed"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def upstream_ci_runs(self) -> bool:
        """Upstream's validate workflow runs only when a PRODUCT.yaml changes (its path filter)."""
        return any(p.endswith("/PRODUCT.yaml") or p == "PRODUCT.yaml" for p in self.selection.changed)


def _rank(f: Finding) -> tuple[int, str, int, str]:
    return (f.severity.rank, f.path, f.line or 0, f.rule)


def chooser(select: Collection[str] = (), ignore: Collection[str] = ()) -> Callable[[str], bool]:
    """Whether a rule or check runs: in `select` (when given) and not in `ignore`."""
    return lambda rid: (not select or rid in select) and rid not in ignore


def _restricted(config: Config, runs: Callable[[str], bool]) -> Config:
    return replace(config, rules={**config.rules, **{rid: None for rid in RULES if not runs(rid)}})


def review(repo: GitRepo, base_ref: str, head_ref: str = "HEAD", *, policy: str = DEFAULT_POLICY,
           online: OnlineOptions | None = None, runs: Callable[[str], bool] | None = None,
           fail_on: Severity = Severity.ERROR) -> Review:
    """Review what `head_ref` changes against `base_ref` (git objects only).

    `online`: a kaic.online.OnlineOptions to run the online checks, None for offline.
    `runs`: which rules and checks run (by id; `chooser(select, ignore)`), all by default.
    `fail_on`: the verdict is `changes-needed` when a finding is this severe or more.
    """
    runs = runs or chooser()
    base = GitSource(repo, repo.resolve(base_ref), base_ref)
    head = GitSource(repo, repo.resolve(head_ref), head_ref)
    data = review_data()
    sel = select(repo.changed_paths(base.commit.oid, head.commit.oid), base.tree(), head.tree(),
                 repo.deleted_paths(base.commit.oid, head.commit.oid))
    yardstick = YardstickSource(head, base)
    state = load_state(yardstick, only=set(sel.submissions))
    base_state = load_state(base, only=set())  # checklists now; earlier submissions when needed
    config = _restricted(load_config(base, working_folder=False), runs)  # the base's configuration only
    checked = validate(state, config, state.submissions, policy=policy)

    pr = [f for f in pr_findings(sel, base, head, base_state, data) if runs(f.rule)]
    no_checklist = {f.path.split("/", 1)[0][1:] for f in pr if f.rule == "pr-no-checklist"}
    found = [f for f in checked.findings
             if not (f.rule == "checklist-missing" and f.path.split("/", 1)[0][1:] in no_checklist)]
    found += pr
    links: tuple[LinkResult, ...] = ()
    online_labels: frozenset[str] = frozenset()
    if online is not None:
        report = _online(state, state.submissions, online)
        found += [f for f in report.findings if runs(f.rule)]
        links = tuple(report.links)
        online_labels = frozenset(report.labels)
    found.sort(key=_rank)
    result = replace(checked, findings=tuple(found))

    earlier = _earlier(base, state.submissions)
    subs = tuple(
        SubmissionReview(s, result.ok(s), _previous(s, earlier), _backing(s, state))
        for s in state.submissions
    )
    passed = not fails(found, fail_on)
    labels = labels_for(data, found, sel.versions if state.submissions else (), passed, online_labels)
    return Review(base.info, head.info, policy, sel, result, subs, base_state.checklists, labels, links,
                  online is not None, fail_on)


def _online(state: RepoState, subs: Sequence[Submission], options: OnlineOptions) -> OnlineReport:
    from ..online import run_online_checks

    return run_online_checks(state, subs, options)


def _earlier(base: GitSource, subs: Sequence[Submission]) -> tuple[Submission, ...]:
    """The base's submissions a reviewed one may continue. Those of the same folder or product
    name are read first; the others (a vendor match) only when some submission has neither."""
    if not subs:
        return ()
    names = {s.product for s in subs}
    near = {p for p in base.tree() if (m := SUBMISSION_PATH.match(p)) and m.group(2) in names}
    found = load_state(base, only=near).submissions
    if all(find_previous(s, found) is not None for s in subs):
        return found
    return load_state(base).submissions


def _backing(sub: Submission, state: RepoState) -> dict[str, str]:
    """How each answer is backed by test artifacts (the evaluation the artifact rules made)."""
    from ..artifacts.evaluate import for_rule

    found = for_rule(sub, state)
    return {a.id: found.backing(a.id).value for a in sub.answered if a.id}


def _previous(sub: Submission, earlier: tuple[Submission, ...]) -> Previous | None:
    found = find_previous(sub, earlier)
    return compare(found[0], sub, found[1]) if found else None
