"""Submissions of a checkout -> fix results: the service behind `kaic fix` and `validate --fix`.

Only the rules that report something on a file (as configured) have their fixes run
on it, so a rule switched off in .kaic.yaml is never "fixed" either.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import Config
from ..lint import check_submission
from ..load import RepoState
from ..model import Submission
from ..source import ReadRefused
from .engine import FixResult, fix_text
from .fixers import FIXERS


def fix_submissions(state: RepoState, submissions: Iterable[Submission],
                    config: Config | None = None) -> list[FixResult]:
    config = config or Config()
    results = []
    for sub in submissions:
        rules = {f.rule for f in check_submission(state, sub, config) if f.rule in FIXERS}
        if not rules:
            continue
        if state.reader is None:
            continue
        try:
            data = state.reader.read(sub.path)
        except ReadRefused as exc:
            results.append(FixResult(sub.path, "", "", refused=f"not fixed: {exc.message}"))
            continue
        results.append(fix_text(sub.path, data, state.checklist_for(sub), rules))
    return results
