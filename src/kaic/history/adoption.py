"""Component adoption at each commit of a walk, analysing each submission once.

The component analysis of a submission depends on its PRODUCT.yaml and the files in
its folder; across a history most commits change neither, so results are kept by
(path, blob id, the folder's blob ids) and the counting is the component analysis's
own (`ComponentAnalysis.adoption`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..components.analysis import ComponentAnalysis, SubmissionResult, analyse_submission
from ..components.analysis import _empty as _not_analysed
from ..components.catalog import Catalog, load_catalog
from ..components.solutions import SolutionsSpec, load_spec
from ..load import RepoState
from .figures import Adopted

_Key = tuple[str, str | None, tuple[tuple[str, str | None], ...]]


class AdoptionCounter:
    """Adoption per state; remembers every submission it analysed."""

    def __init__(self, catalog: Catalog | None = None, spec: SolutionsSpec | None = None,
                 known: tuple[RepoState, ComponentAnalysis] | None = None) -> None:
        """`known`: a state already analysed (a report's), whose results are reused."""
        self._results: dict[_Key, SubmissionResult] = {}
        if known is not None:
            state, done = known
            self.spec, self.catalog = done.spec, done.catalog
            folders = _folders(state)
            for sub in state.submissions:
                result = done.result(sub.path)
                if result is not None and sub.oid is not None:
                    self._results[(sub.path, sub.oid, folders.get(sub.folder, ()))] = result
            return
        self.spec = spec or load_spec()
        self.catalog = (catalog or load_catalog()).with_entries(self.spec.signal_entries())

    def analysis(self, state: RepoState) -> ComponentAnalysis:
        folders = _folders(state)
        results: dict[str, SubmissionResult] = {}
        for sub in state.submissions:
            key: _Key = (sub.path, sub.oid, folders.get(sub.folder, ()))
            result = self._results.get(key)
            if result is None:
                try:
                    result = analyse_submission(state, sub, None, self.catalog, self.spec)
                except Exception as exc:  # as analyse_components does: one bad file does not stop the walk
                    result = _not_analysed(sub, f"{type(exc).__name__}: {exc}")
                if sub.oid is not None:  # a folder source has no blob ids to key on
                    self._results[key] = result
            results[sub.path] = result
        return ComponentAnalysis(self.catalog, self.spec, results)

    def adoption(self, state: RepoState) -> tuple[Adopted, ...]:
        return tuple(Adopted(a.repo, a.name, a.count) for a in self.analysis(state).adoption())


def _folders(state: RepoState) -> Mapping[str, tuple[tuple[str, str | None], ...]]:
    """Product folder -> (path, blob id) of every entry in it."""
    out: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for path, entry in state.tree.items():
        parts = path.split("/", 2)
        if len(parts) == 3 and parts[0][:1] == "v":
            out[f"{parts[0]}/{parts[1]}"].append((path, entry.oid))
    return {k: tuple(sorted(v)) for k, v in out.items()}
