"""Component adoption at each commit of a walk, analysing each submission once.

The component analysis of a submission depends on its PRODUCT.yaml and the files in
its folder; across a history most commits change neither. Results are kept by the
submission's content (`components.analysis.content_key`: path, blob ids, the folder's
entries), so a submission is analysed once for the whole walk, and detection shared
with the rest of the process (a report's own analysis) is not made again; the counting
is the component analysis's own (`ComponentAnalysis.adoption`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from ..components.analysis import (
    ComponentAnalysis,
    SubmissionResult,
    analyse_submission,
    content_key,
    not_analysed,
    prefetch_with,
)
from ..components.catalog import Catalog, load_catalog
from ..components.solutions import SolutionsSpec, load_spec
from ..load import RepoState
from .figures import Adopted


class AdoptionCounter:
    """Adoption per state; remembers every submission it analysed."""

    def __init__(self, catalog: Catalog | None = None, spec: SolutionsSpec | None = None,
                 known: tuple[RepoState, ComponentAnalysis] | None = None) -> None:
        """`known`: a state already analysed (a report's), whose results are reused."""
        self._results: dict[Hashable, SubmissionResult] = {}
        if known is not None:
            state, done = known
            self.spec, self.catalog = done.spec, done.catalog
            for sub in state.submissions:
                result = done.result(sub.path)
                key = content_key(state, sub)
                if result is not None and key is not None:
                    self._results[key] = result
            return
        self.spec = spec or load_spec()
        self.catalog = (catalog or load_catalog()).with_entries(self.spec.signal_entries())

    def prefetch(self, states: Iterable[RepoState]) -> None:
        """Analyse the submissions of `states` not known yet in two processes at once
        (kaic.parallel); `analysis` then finds them."""
        finish = prefetch_with(states, self.catalog, self.spec, share=True)
        if finish is not None:
            finish()

    def analysis(self, state: RepoState) -> ComponentAnalysis:
        results: dict[str, SubmissionResult] = {}
        for sub in state.submissions:
            key = content_key(state, sub)  # None: a file that cannot be read, analysed each time
            result = self._results.get(key) if key is not None else None
            if result is None:
                try:
                    result = analyse_submission(state, sub, None, self.catalog, self.spec, key)
                except Exception as exc:  # as analyse_components does: one bad file does not stop the walk
                    result = not_analysed(sub, f"{type(exc).__name__}: {exc}")
                if key is not None:
                    self._results[key] = result
            results[sub.path] = result
        return ComponentAnalysis(self.catalog, self.spec, results)

    def adoption(self, state: RepoState) -> tuple[Adopted, ...]:
        return tuple(Adopted(a.repo, a.name, a.count) for a in self.analysis(state).adoption())
