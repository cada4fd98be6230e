"""RepoState (+ validation) -> ComponentAnalysis: detection, evidence, solutions and gaps
of every submission, and adoption counts across them. Pure apart from reading the
product folders' files through the state's Source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..cache import active, digest_of
from ..load import RepoState
from ..model import Submission
from ..source import MAX_FILE_BYTES, Entry, EntryKind, ReadRefused
from .catalog import Catalog, load_catalog
from .detect import detect
from .evidence import EvidenceReport, Grade, assess
from .gaps import Gaps, gaps_for
from .localfiles import FILE_LIMIT, TEXT_EXTENSIONS, LocalFile, extension, folder_files
from .model import Detection
from .rollup import roll_up
from .solutions import SolutionsSpec, SubmissionSolutions, load_spec, solve

if TYPE_CHECKING:
    from ..lint import ValidationResult


@dataclass(frozen=True)
class SubmissionResult:
    sub: Submission
    detection: Detection
    evidence: EvidenceReport
    solutions: SubmissionSolutions
    gaps: Gaps
    error: str | None = None  # set when analysing this submission failed (the rest goes on)


@dataclass
class Adoption:
    """One project across submissions."""

    repo: str
    name: str
    paths: list[str] = field(default_factory=list)  # submissions adopting it (M or X), in state order
    marks: dict[str, str] = field(default_factory=dict)  # path -> "M" | "X"
    versions: dict[str, str] = field(default_factory=dict)  # path -> first version read
    via: dict[str, str] = field(default_factory=dict)  # path -> umbrella carrying it (not named there)

    @property
    def count(self) -> int:
        return len(self.paths)


@dataclass(frozen=True)
class ComponentAnalysis:
    catalog: Catalog
    spec: SolutionsSpec
    results: dict[str, SubmissionResult]  # by submission path, in state order

    def result(self, path: str) -> SubmissionResult | None:
        return self.results.get(path)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(self.results)

    def adoption(self, paths: Iterable[str] | None = None) -> list[Adoption]:
        """Adopted projects (platform's own excluded), most adopted first, then catalog order."""
        chosen = tuple(paths) if paths is not None else self.paths
        found: dict[str, Adoption] = {}
        for path in chosen:
            r = self.results.get(path)
            if r is None:
                continue
            for c in r.detection.components:
                a = found.get(c.repo)
                if a is None:
                    a = found[c.repo] = Adoption(c.repo, c.name)
                a.paths.append(path)
                a.marks[path] = c.mark
                if c.via:
                    a.via[path] = c.via
                if c.version:
                    a.versions[path] = c.version
        order = {k: i for i, k in enumerate(self.catalog.order(found))}
        return sorted(found.values(), key=lambda a: (-a.count, order[a.repo]))

    def grades(self) -> dict[str, Grade]:
        return {p: r.evidence.grade for p, r in self.results.items()}


def not_analysed(sub: Submission, error: str) -> SubmissionResult:
    """The result of a submission whose analysis failed with `error`: nothing detected."""
    det = Detection(sub.path, (), (), (), (), (), (), ())
    ev = EvidenceReport(sub.path, (), (), Grade.NONE, f"not analysed: {error}")
    return SubmissionResult(sub, det, ev, SubmissionSolutions(), Gaps(sub.path, (), ()), error)


_empty = not_analysed  # its former, private name

# -- results shared across states ----------------------------------------------------------
#
# A submission's detection, evidence and solutions depend only on its path, its
# PRODUCT.yaml bytes (and the checklist fields they are parsed with) and the entries of
# its folder: not on the rest of the state, nor on the findings (the gaps do; they are
# made on each call). They are kept per (catalog, spec), keyed by that content, so each
# distinct submission is analysed once per process: a report's own analysis and its
# history walk, and every commit of the walk, share them.

ContentKey = Hashable
_Parts = tuple[Detection, EvidenceReport, SubmissionSolutions]
_SHARED_SLOTS = 4  # (catalog, spec) pairs kept
_SHARED_LIMIT = 4096  # results kept per pair
_shared: dict[tuple[int, int], tuple[Catalog, SolutionsSpec, dict[ContentKey, _Parts]]] = {}
_index: list[tuple[RepoState, Mapping[str, list[tuple[str, Entry]]]]] = []


def clear_shared_results() -> None:
    """Forget every shared result and remembered analysis (a benchmark measuring a cold
    analysis, a test)."""
    _shared.clear()
    _index.clear()
    _last.clear()


def _parts_table(catalog: Catalog, spec: SolutionsSpec) -> dict[ContentKey, _Parts]:
    ids = (id(catalog), id(spec))
    slot = _shared.get(ids)
    if slot is None or slot[0] is not catalog or slot[1] is not spec:
        while len(_shared) >= _SHARED_SLOTS:
            del _shared[next(iter(_shared))]
        slot = _shared[ids] = (catalog, spec, {})
    return slot[2]


_fingerprints: dict[tuple[int, int], tuple[Catalog, SolutionsSpec, str]] = {}


def analysis_fingerprint(catalog: Catalog, spec: SolutionsSpec) -> str:
    """What a stored analysis was made with: the catalog's entries and the spec (the
    shipped data files and kaic's code are in every store key already)."""
    ids = (id(catalog), id(spec))
    known = _fingerprints.get(ids)
    if known is None or known[0] is not catalog or known[1] is not spec:
        if len(_fingerprints) >= _SHARED_SLOTS:
            del _fingerprints[next(iter(_fingerprints))]
        known = _fingerprints[ids] = (catalog, spec, digest_of(catalog.entries, spec))
    return known[2]


def _folders(state: RepoState) -> Mapping[str, list[tuple[str, Entry]]]:
    """Product folder -> its entries, for the last state asked about."""
    for seen, folders in _index[:1]:  # a copy: another thread may replace it meanwhile
        if seen is state:
            return folders
    out: dict[str, list[tuple[str, Entry]]] = {}
    for path, entry in state.tree.items():
        parts = path.split("/", 2)
        if len(parts) == 3:
            out.setdefault(f"{parts[0]}/{parts[1]}", []).append((path, entry))
    _index[:] = [(state, out)]
    return out


def _blob_id(state: RepoState, entry: Entry, limit: int) -> str | None:
    """The entry's git blob id; from a folder source, computed from its bytes as git does."""
    if entry.oid:
        return entry.oid
    if state.reader is None:
        return None
    try:
        data = state.reader.read(entry.path, limit)
    except (ReadRefused, OSError):
        return None
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def content_key(state: RepoState, sub: Submission) -> ContentKey | None:
    """What the submission's detection, evidence and solutions depend on: its path, its
    PRODUCT.yaml's blob id and the checklist fields it is parsed with, and every entry of
    its folder (the text files the analysis reads by blob id, the others by kind and
    size). None when a file cannot be read: such a submission is analysed every time."""
    entry = state.tree.get(sub.path)
    if entry is None or entry.kind is not EntryKind.FILE:
        return None
    oid = _blob_id(state, entry, MAX_FILE_BYTES)
    if oid is None:
        return None
    folder: list[tuple[str, str, int | str]] = []
    for path, e in _folders(state).get(sub.folder, ()):
        if path == sub.path:
            continue
        if e.kind is EntryKind.FILE and e.size <= FILE_LIMIT and extension(path) in TEXT_EXTENSIONS:
            blob = _blob_id(state, e, FILE_LIMIT)
            if blob is None:
                return None
            folder.append((path, "text", blob))
        else:
            folder.append((path, e.kind.value, e.size))
    folder.sort()
    checklist = state.checklist_for(sub)
    return (sub.path, oid, checklist.metadata_fields if checklist else (), tuple(folder))


def _parts(state: RepoState, sub: Submission, catalog: Catalog, spec: SolutionsSpec,
           files: Mapping[str, LocalFile]) -> _Parts:
    """Detection, evidence and solutions of one submission whose folder files are read."""
    det = detect(sub, catalog, files)
    # solutions read what is named; adoption also counts what umbrellas carry
    return (roll_up(det, catalog), assess(sub, state.tree, files), solve(sub, det, catalog, spec, files))


_PREFETCH_MIN = 8  # fewer submissions to analyse than this: not worth a second process


def prefetch(states: Iterable[RepoState], catalog: Catalog | None = None, spec: SolutionsSpec | None = None,
             *, share: bool = False) -> Callable[[], None] | None:
    """Start analysing, in a second process (kaic.parallel), every submission of `states`
    whose analysis is not known yet (each content once; the folder files are read here
    first). Returns the call that waits for the results and keeps them, where
    `analyse_components` and the history walk find them — or None when there is nothing
    worth starting. With `share`, that call analyses half of them itself meanwhile (for
    a caller with nothing else to do); without, the second process does them all."""
    from .. import parallel

    if not parallel.available():
        return None
    spec = spec or load_spec()
    return prefetch_with(states, (catalog or load_catalog()).with_entries(spec.signal_entries()), spec, share=share)


def prefetch_with(states: Iterable[RepoState], full: Catalog, spec: SolutionsSpec,
                  *, share: bool = False) -> Callable[[], None] | None:
    """`prefetch` with the catalog already extended by the spec's signal entries."""
    from .. import parallel

    if not parallel.available():
        return None
    table = _parts_table(full, spec)
    store = active()
    made_with = analysis_fingerprint(full, spec) if store is not None else ""
    todo: dict[ContentKey, tuple[RepoState, Submission, dict[str, LocalFile]]] = {}
    for state in states:
        for sub in state.submissions:
            key = content_key(state, sub)
            if key is None or key in table or key in todo:
                continue
            stored = store.get("components", digest_of(key, made_with)) if store is not None else None
            if stored is not None:
                table[key] = stored
                continue
            try:
                todo[key] = (state, sub, folder_files(state, sub))
            except Exception:  # analysed (and its failure reported) the usual way
                continue
    if len(todo) < _PREFETCH_MIN:
        return None
    items = list(todo.items())
    mine, theirs = (items[: len(items) // 2], items[len(items) // 2:]) if share else ([], items)

    def work(chosen: list[tuple[ContentKey, tuple[RepoState, Submission, dict[str, LocalFile]]]]
             ) -> dict[ContentKey, _Parts]:
        done: dict[ContentKey, _Parts] = {}
        for key, (state, sub, files) in chosen:
            try:
                done[key] = _parts(state, sub, full, spec, files)
            except Exception:  # left to the usual path, which reports it
                continue
        return done

    running = parallel.in_background(lambda: work(theirs))
    if running is None:
        return None

    def keep(found: dict[ContentKey, _Parts]) -> None:
        for key, parts in found.items():
            if len(table) >= _SHARED_LIMIT:
                del table[next(iter(table))]
            table[key] = parts
            if store is not None:
                store.put("components", digest_of(key, made_with), parts)

    def finish() -> None:
        keep(work(mine))
        keep(running.result())

    return finish


def _analyse(state: RepoState, sub: Submission, validation: ValidationResult | None, catalog: Catalog,
             spec: SolutionsSpec, key: ContentKey | None) -> SubmissionResult:
    table = _parts_table(catalog, spec) if key is not None else None
    parts = table.get(key) if table is not None else None
    store = active() if key is not None else None
    stored_as = digest_of(key, analysis_fingerprint(catalog, spec)) if store is not None else ""
    if parts is None and store is not None:
        parts = store.get("components", stored_as)
        if parts is not None and table is not None:
            table[key] = parts
    if parts is None:
        parts = _parts(state, sub, catalog, spec, folder_files(state, sub))
        if store is not None:
            store.put("components", stored_as, parts)
        if table is not None:
            if len(table) >= _SHARED_LIMIT:
                del table[next(iter(table))]
            table[key] = parts
    det, ev, sol = parts
    findings = validation.findings_for(sub) if validation is not None else []
    return SubmissionResult(sub, det, ev, sol, gaps_for(state, sub, findings, det, ev, catalog))


def analyse_submission(state: RepoState, sub: Submission, validation: ValidationResult | None,
                       catalog: Catalog, spec: SolutionsSpec, key: ContentKey | None = None) -> SubmissionResult:
    """One submission's analysis. A submission already analysed in this process (same
    content, catalog and spec) reuses its detection, evidence and solutions. `key`: its
    `content_key`, when the caller has it."""
    return _analyse(state, sub, validation, catalog, spec, key if key is not None else content_key(state, sub))


_last: list[tuple[RepoState, Catalog | None, bool, ComponentAnalysis]] = []


def analyse_components(state: RepoState, validation: ValidationResult | None = None,
                       catalog: Catalog | None = None, spec: SolutionsSpec | None = None) -> ComponentAnalysis:
    """Analyse every submission. The last few analyses are remembered: a caller without
    findings (e.g. a baseline snapshot) asking about the same state object reuses one."""
    base = catalog or load_catalog()
    if validation is None and spec is None:
        for seen_state, seen_catalog, _, seen in _last:
            if seen_state is state and seen_catalog is base:
                return seen
    spec = spec or load_spec()
    full = base.with_entries(spec.signal_entries())
    results: dict[str, SubmissionResult] = {}
    for sub in state.submissions:
        try:
            results[sub.path] = analyse_submission(state, sub, validation, full, spec)
        except Exception as exc:  # one unreadable submission must not lose the others
            results[sub.path] = not_analysed(sub, f"{type(exc).__name__}: {exc}")
    analysis = ComponentAnalysis(full, spec, results)
    _last[:] = [(state, base, validation is not None, analysis), *_last[:3]]
    return analysis
