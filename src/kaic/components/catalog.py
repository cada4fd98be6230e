"""The component catalog: curated data (src/kaic/data/catalog.yaml), checked and compiled.

Projects are identified everywhere by their GitHub repository `owner/name` (lower
case). Accelerators, GPU-sharing techniques and managed services are identified as
`accelerator:<name>`, `technique:<name>` and `managed_service:<name>`. All their
names, aliases, patterns, API groups and URL prefixes are compiled once into one
`Matcher` and one `PrefixIndex`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .._yaml import load_data, yaml_error_line
from ..cache import active, digest_of
from .matcher import Matcher, Term, TermKind, compiled_matcher, fold_key
from .model import Kind
from .urls import PrefixIndex, repo_prefixes

REPO_FORM = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/[A-Za-z0-9_.](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")

_SECTIONS: tuple[tuple[str, Kind], ...] = (
    ("projects", Kind.PROJECT),
    ("accelerators", Kind.ACCELERATOR),
    ("techniques", Kind.TECHNIQUE),
    ("managed_services", Kind.MANAGED),
)


class CatalogError(ValueError):
    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Mapping):
        return tuple(str(v) for v in value.values() if isinstance(v, str))
    if isinstance(value, Iterable):
        return tuple(str(v) for v in value if isinstance(v, str | int | float))
    return ()


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


@dataclass(frozen=True)
class Entry:
    """One thing the catalog can recognise."""

    key: str  # the identity: repo for projects, "<kind>:<name>" for the rest
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()  # names matched only as written
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # phrases that are not a mention of this entry
    url_prefixes: tuple[str, ...] = ()
    api_groups: tuple[str, ...] = ()
    repo: str | None = None
    category: str | None = None
    roles: tuple[str, ...] = ()
    steward: str | None = None
    license: str | None = None
    cncf: str | None = None
    open_source: bool | None = None
    description: str | None = None
    vendor: str | None = None  # accelerators: chip vendor; managed services: provider
    accelerator: str | None = None  # projects: the accelerator they serve (its name)
    ambiguous: tuple[str, ...] = ()  # names that need confirmation (ordinary words)
    context: tuple[str, ...] = ()  # regexes confirming an ambiguous name in the same scope
    context_requirements: tuple[str, ...] = ()  # requirement ids where an ambiguous name counts
    group: str | None = None  # techniques: gpu-sharing, virtualization, multi-node, dra...
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def url(self) -> str | None:
        return f"https://github.com/{self.repo}" if self.repo else None

    def get(self, name: str, default: Any = None) -> Any:
        return self.raw.get(name, default)


def _entry(kind: Kind, raw: Mapping[str, Any]) -> Entry:
    name = str(raw.get("name", "")).strip()
    repo = _str(raw.get("repo"))
    repo = repo.strip() if repo else None
    key = repo if kind is Kind.PROJECT and repo else f"{kind.value}:{name.lower()}"
    case_flag = raw.get("case_sensitive")
    aliases: list[str] = []
    case_sensitive: list[str] = list(_strs(raw.get("case_sensitive_aliases")))
    for item in raw.get("aliases") or ():
        if isinstance(item, Mapping):
            text = str(item.get("text") or item.get("name") or "")
            if item.get("case_sensitive"):
                case_sensitive.append(text)
            else:
                aliases.append(text)
        elif isinstance(item, str):
            aliases.append(item)
    if case_flag is True:
        case_sensitive.extend([name, *aliases])
        aliases = []
    elif isinstance(case_flag, list):
        chosen = {str(c) for c in case_flag}
        case_sensitive.extend(a for a in [name, *aliases] if a in chosen)
        aliases = [a for a in aliases if a not in chosen]
    open_source = raw.get("open_source")
    license_ = _str(raw.get("license"))
    ambiguous_flag = raw.get("ambiguous")
    if ambiguous_flag is True:
        ambiguous = tuple(dict.fromkeys([name, *aliases, *case_sensitive]))
    else:
        ambiguous = _strs(ambiguous_flag) if isinstance(ambiguous_flag, list) else ()
    return Entry(
        key=key,
        kind=kind,
        name=name,
        aliases=tuple(dict.fromkeys(a for a in aliases if a.strip())),
        case_sensitive=tuple(dict.fromkeys(a for a in case_sensitive if a.strip())),
        patterns=_strs(raw.get("patterns")),
        exclude=_strs(raw.get("exclude")) + _strs(raw.get("not")) + _strs(raw.get("exclude_phrases")),
        url_prefixes=_strs(raw.get("url_prefixes")),
        api_groups=_strs(raw.get("api_groups")),
        repo=repo,
        category=_str(raw.get("category")),
        roles=_strs(raw.get("roles")),
        steward=_str(raw.get("steward")),
        license=license_,
        cncf=_str(raw.get("cncf")),
        open_source=open_source if isinstance(open_source, bool) else None,
        description=_str(raw.get("description")),
        vendor=_str(raw.get("vendor") or raw.get("provider")),
        accelerator=_str(raw.get("accelerator")),
        ambiguous=ambiguous,
        context=_strs(raw.get("context")),
        context_requirements=_strs(raw.get("context_requirements")),
        group=_str(raw.get("group")),
        raw=dict(raw),
    )


def _name_is_matched(entry: Entry) -> bool:
    """The entry's own name is an alias unless it is listed as case-sensitive."""
    return entry.name not in entry.case_sensitive and not entry.get("name_not_alias", False)


class Catalog:
    """Checked catalog entries, with their matcher and URL prefixes compiled on first use."""

    def __init__(self, entries: Sequence[Entry], data: Mapping[str, Any] | None = None, path: str = "") -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.data: Mapping[str, Any] = data or {}
        self.path = path
        self._by_key = {e.key: e for e in self.entries}
        self._order = {e.key: i for i, e in enumerate(self.entries)}
        self._matcher: Matcher | None = None
        self._link_matcher: Matcher | None = None
        self._contexts: dict[str, re.Pattern[str] | None] = {}
        self._extended: dict[tuple[Entry, ...], Catalog] = {}
        self._prefixes: PrefixIndex | None = None

    def with_entries(self, extra: Sequence[Entry]) -> Catalog:
        """This catalog plus `extra` entries (e.g. solution signal words), compiled together;
        the same extension is built (and compiled) once."""
        key = tuple(extra)
        if key not in self._extended:
            self._extended[key] = Catalog(self.entries + tuple(e for e in extra if e.key not in self._by_key),
                                          self.data, self.path)
        return self._extended[key]

    # -- lookups ------------------------------------------------------------------------

    @property
    def projects(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind is Kind.PROJECT)

    @property
    def accelerators(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind is Kind.ACCELERATOR)

    @property
    def techniques(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind is Kind.TECHNIQUE)

    @property
    def managed_services(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind is Kind.MANAGED)

    def entry(self, key: str) -> Entry | None:
        return self._by_key.get(key)

    def kind(self, key: str) -> Kind | None:
        e = self.entry(key)
        return e.kind if e else None

    def name(self, key: str) -> str:
        e = self.entry(key)
        return e.name if e else key

    def order(self, keys: Iterable[str]) -> list[str]:
        rank = self._order
        return sorted(keys, key=lambda k: (rank.get(k, 1_000_000), k))

    def context(self, key: str) -> re.Pattern[str] | None:
        """The entry's context regexes as one compiled pattern (None without any)."""
        if key not in self._contexts:
            e = self.entry(key)
            parts = [f"(?:{c})" for c in (e.context if e else ())]
            self._contexts[key] = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        return self._contexts[key]

    def projects_by_repo(self, repo: str) -> list[str]:
        """Projects whose repository (or a former one) is `repo`, compared without case."""
        repo = repo.lower()
        return [e.key for e in self.projects
                if (e.repo or "").lower() == repo or repo in (r.lower() for r in _strs(e.get("former_repos")))]

    def accelerators_for(self, accelerator_keys: Iterable[str], adopted: Iterable[str]) -> list[str]:
        """Accelerator names, from their own mentions and from adopted projects (or named
        techniques) that serve one (catalog field `accelerator`)."""
        names = {self.name(k) for k in accelerator_keys}
        for repo in adopted:
            e = self.entry(repo)
            if e and e.accelerator:
                names.add(e.accelerator)
        return [a.name for a in self.accelerators if a.name in names]

    # -- compiled -----------------------------------------------------------------------

    def terms(self) -> list[Term]:
        terms: list[Term] = []
        for e in self.entries:
            names = ([e.name] if _name_is_matched(e) else []) + list(e.aliases)
            for text in dict.fromkeys(names):
                terms.append(Term(e.key, text, TermKind.NAME, ambiguous=text in e.ambiguous))
            for text in e.case_sensitive:
                terms.append(Term(e.key, text, TermKind.NAME, case_sensitive=True, ambiguous=text in e.ambiguous))
            for text in e.patterns:
                terms.append(Term(e.key, text, TermKind.PATTERN))
            for text in e.api_groups:
                terms.append(Term(e.key, text, TermKind.API_GROUP))
            for text in e.exclude:
                terms.append(Term("", text, TermKind.VETO))
        return terms

    @property
    def matcher(self) -> Matcher:
        """All the catalog's terms compiled (once per process for the same terms)."""
        if self._matcher is None:
            self._matcher = compiled_matcher(tuple(self.terms()))
        return self._matcher

    @property
    def link_matcher(self) -> Matcher:
        """For the words of a link's path, which are lower case by convention: the
        case-sensitive names folded ("/ray-overview" names Ray), with the exclusions
        ("/x-ray/"). Link words are scanned with `matcher` too."""
        if self._link_matcher is None:
            folded = [Term(t.target, t.text, t.kind, ambiguous=t.ambiguous) for t in self.terms()
                      if (t.case_sensitive and t.kind is TermKind.NAME) or t.kind is TermKind.VETO]
            self._link_matcher = compiled_matcher(tuple(folded), strict=False)
        return self._link_matcher

    @property
    def prefixes(self) -> PrefixIndex:
        if self._prefixes is None:
            pairs: list[tuple[str, str]] = []
            for e in self.entries:
                for prefix in e.url_prefixes:
                    pairs.append((prefix, e.key))
                if e.kind is Kind.PROJECT and e.repo:
                    for repo in (e.repo, *_strs(e.get("former_repos"))):
                        pairs.extend((prefix, e.key) for prefix in repo_prefixes(repo))
            self._prefixes = PrefixIndex(pairs)
        return self._prefixes


# -- loading and checking ----------------------------------------------------------------


def default_path() -> Path:
    return Path(str(resources.files("kaic") / "data" / "catalog.yaml"))


def schema_path() -> Path:
    return Path(str(resources.files("kaic") / "data" / "schemas" / "catalog.schema.json"))


def check_data(data: Any, schema: Mapping[str, Any] | None = None, regexes: bool = True) -> list[str]:
    """Every problem of a catalog document: schema, repo form, unique repos and aliases,
    and (with `regexes`) patterns and context expressions that do not compile."""
    problems: list[str] = []
    if schema is None:
        path = schema_path()
        schema = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    if schema:  # {}: no schema check
        import jsonschema

        validator = jsonschema.Draft202012Validator(schema)
        for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
            where = "/".join(str(p) for p in err.absolute_path) or "(root)"
            problems.append(f"{where}: {err.message}")
    if not isinstance(data, Mapping):
        return problems or ["the catalog is not a mapping"]
    entries: list[Entry] = []
    for section, kind in _SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            problems.append(f"{section}: not a list")
            continue
        for i, raw in enumerate(items):
            if not isinstance(raw, Mapping):
                problems.append(f"{section}/{i}: not a mapping")
                continue
            entry = _entry(kind, raw)
            if not entry.name:
                problems.append(f"{section}/{i}: no name")
            if kind is Kind.PROJECT:
                repo = raw.get("repo")
                if not isinstance(repo, str) or not REPO_FORM.match(repo.strip()):
                    problems.append(f"{section}/{i} ({entry.name}): repo {repo!r} is not of the form owner/name")
            entries.append(entry)
    seen: dict[str, str] = {}
    for e in entries:
        if e.key in seen:
            problems.append(f"{e.name}: identity {e.key!r} is used twice (also by {seen[e.key]})")
        seen[e.key] = e.name
    owners: dict[tuple[str, bool], tuple[str, str]] = {}
    for e in entries:
        names = ([e.name] if _name_is_matched(e) else []) + list(e.aliases)
        keyed = [(fold_key(t, TermKind.NAME), False, t) for t in names]
        keyed += [(fold_key(t, TermKind.NAME, fold=False), True, t) for t in e.case_sensitive]
        keyed += [(fold_key(t, TermKind.API_GROUP), False, t) for t in e.api_groups]
        for key, exact, text in keyed:
            owner = owners.get((key, exact))
            if owner and owner[0] != e.key:
                problems.append(f"{e.name}: alias {text!r} is also an alias of {owner[1]}")
            else:
                owners[(key, exact)] = (e.key, e.name)
        for pattern in e.patterns + e.context if regexes else ():
            try:
                if re.compile(pattern).groupindex:
                    problems.append(f"{e.name}: pattern {pattern!r} must not use named groups")
            except re.error as exc:
                problems.append(f"{e.name}: pattern {pattern!r} is not a regular expression: {exc}")
    keys = {e.key for e in entries}
    for e in entries:
        for member in e.get("includes") or ():
            if member not in keys:
                problems.append(f"{e.name}: includes {member!r}, which is not a catalog project")
    return problems


def parse_catalog(data: Any, path: str = "", check: bool = True, schema: bool = True) -> Catalog:
    """Entries from a catalog document; `check` runs check_data (with the JSON schema
    unless `schema` is False: the shipped file is schema-checked by the tests)."""
    if check:
        problems = check_data(data, None if schema else {}, regexes=schema)
        if problems:
            raise CatalogError(problems)
    entries: list[Entry] = []
    for section, kind in _SECTIONS:
        for raw in (data.get(section) or []) if isinstance(data, Mapping) else []:
            if isinstance(raw, Mapping):
                entries.append(_entry(kind, raw))
    return Catalog(tuple(entries), data if isinstance(data, Mapping) else {}, path)


def read_catalog(path: Path, check: bool = True, schema: bool = True) -> Catalog:
    text = path.read_text(encoding="utf-8")
    try:
        data = load_data(text)
    except yaml.YAMLError as exc:
        raise CatalogError([yaml_error_line(str(path), exc, text)]) from None
    return parse_catalog(data, str(path), check, schema)


@cache
def _cached(path: str, mtime: float, schema: bool) -> Catalog:
    store = active()
    if store is None:
        return read_catalog(Path(path), schema=schema)
    try:  # the checked entries are kept by the file's content
        key = digest_of(hashlib.sha256(Path(path).read_bytes()).hexdigest(), schema)
    except OSError:
        return read_catalog(Path(path), schema=schema)
    found = store.get("catalog", key)
    if isinstance(found, tuple) and len(found) == 2:
        return Catalog(found[0], found[1], path)
    catalog = read_catalog(Path(path), schema=schema)
    store.put("catalog", key, (catalog.entries, dict(catalog.data)))
    return catalog


def load_catalog(path: Path | None = None) -> Catalog:
    """The shipped catalog (or the one at `path`), checked, once per file version. The
    shipped file is not re-validated against the JSON schema at run time (its tests do
    that); a catalog given by path is."""
    chosen = path or default_path()
    return _cached(str(chosen), chosen.stat().st_mtime, path is not None)
