"""One pass over a text finds every catalog name, alias, pattern and API group, in time
linear in the text whatever the size of the catalog.

Literal names, aliases and API groups go into Aho-Corasick automata (pyahocorasick), one
for the case-folded terms and one for the case-sensitive ones, keyed by their characters
without separators. A text is scanned once with its separators removed (and folded);
each candidate is then checked on the text itself by the name's own small expression
(only over the candidate's span), and kept when it stands on word boundaries. At each
position the longest alias wins ("kube-prometheus-stack" over "Prometheus", "X-Ray"
over "Ray", `cert-manager.io` over "cert-manager"). Exclusion phrases are terms too,
*vetoes*: they win the position like any longer alias and are then dropped, which
removes "Prometheus exposition format" or "API gateway". The catalog's patterns are one
regular expression, guarded by what they can start with; a name found at a position
wins over a pattern found there.

Words are matched on alphanumeric boundaries, so "Ray" is never found inside "array",
"gray" or "KubeRay". Inside an alias, a space, '-' or '_' matches any of the three (or
nothing, or up to three of them), so "Gateway API", "gateway-api" and "gateway_api" are
the same alias; inside an API group, '.' and '-' are interchangeable, so
`gateway.networking.k8s.io` is also found in a documentation slug such as
`gateway-gateway-networking-k8s-io-v1`. Separators at either end of a term are ignored.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class TermKind(StrEnum):
    NAME = "name"  # a literal name or alias
    PATTERN = "pattern"  # a regular expression from the catalog
    API_GROUP = "api_group"  # a Kubernetes API group, e.g. kueue.x-k8s.io
    VETO = "veto"  # a phrase that is NOT a mention (exclusions)


@dataclass(frozen=True, slots=True)
class Term:
    target: str  # the key of what is mentioned (a project repo, "accelerator:nvidia", ...)
    text: str
    kind: TermKind = TermKind.NAME
    case_sensitive: bool = False
    ambiguous: bool = False  # an ordinary word: a hit needs confirmation (see detect)

    @property
    def versioned(self) -> bool:
        """Whether a version written right after this term belongs to it."""
        return self.kind in (TermKind.NAME, TermKind.PATTERN)


@dataclass(frozen=True, slots=True)
class Hit:
    term: Term
    start: int
    end: int


_SEP = "\x00"  # a run of space / '-' / '_' inside a name
_DOT = "\x01"  # a '.' or '-' inside an API group
_SEP_RE = r"[\s_\-]{0,3}"
_DOT_RE = r"[.\-_]"
_BOUND_L = r"(?<![A-Za-z0-9])"
_BOUND_R = r"(?![A-Za-z0-9])"


def _units(text: str, kind: TermKind, fold: bool) -> list[str]:
    units: list[str] = []
    for ch in text.strip():
        if kind is TermKind.API_GROUP and ch in ".-_":
            units.append(_DOT)
        elif ch in " \t_-":
            if not units or units[-1] != _SEP:
                units.append(_SEP)
        else:
            units.append(ch.lower() if fold else ch)
    while units and units[-1] == _SEP:
        units.pop()
    return units


def fold_key(text: str, kind: TermKind, fold: bool = True) -> str:
    """The lookup key of a matched or catalog string: separators removed, case folded."""
    drop = " \t_-." if kind is TermKind.API_GROUP else " \t\n\r_-"
    out = "".join(ch for ch in text if ch not in drop)
    return out.lower() if fold else out


def _unit_re(unit: str, folded: bool) -> str:
    if unit == _SEP:
        return _SEP_RE
    if unit == _DOT:
        return _DOT_RE
    lower, upper = unit.lower(), unit.upper()
    if folded and lower != upper:  # a folded letter: both cases, as a class the engine tests fast
        return f"[{re.escape(lower)}{re.escape(upper)}]"
    return re.escape(unit)


def _chain(units: list[str], folded: bool) -> str:
    """Units one after the other. Folded, a run of ASCII characters is one case-insensitive
    ASCII group, `(?ai:rometheus)`: the same matches as a class per letter (`[rR][oO]...`,
    only ASCII letters fold), and several times quicker to compile."""
    if not folded:
        return "".join(_unit_re(u, folded) for u in units)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if sum(1 for u in run if u.isalpha()) >= 2:
            out.append("(?ai:" + "".join(re.escape(u) for u in run) + ")")
        else:
            out.extend(_unit_re(u, folded) for u in run)
        run.clear()

    for unit in units:
        if unit not in (_SEP, _DOT) and len(unit) == 1 and unit.isascii():
            run.append(unit)
        else:
            flush()
            out.append(_unit_re(unit, folded))
    flush()
    return "".join(out)


def _char_set(op: object, arg: object, ignorecase: bool) -> set[str] | None:
    """The characters one LITERAL or IN node matches; None for anything else or a wide class."""
    from re import _constants as C  # type: ignore[attr-defined]

    def both(ch: str) -> set[str]:
        return {ch.lower(), ch.upper()} if ignorecase else {ch}

    if op is C.LITERAL:
        return both(chr(int(arg)))  # type: ignore[call-overload]
    if op is not C.IN:
        return None
    out: set[str] = set()
    for sub_op, sub_arg in arg:  # type: ignore[attr-defined]
        if sub_op is C.LITERAL:
            out |= both(chr(sub_arg))
        elif sub_op is C.RANGE and sub_arg[1] - sub_arg[0] < 128:
            for code in range(sub_arg[0], sub_arg[1] + 1):
                out |= both(chr(code))
        else:
            return None
    return out


def _subpattern_case(arg: object, ignorecase: bool) -> bool:
    """Whether a group `(?i:...)` / `(?-i:...)` matches ignoring case."""
    add_flags: int = arg[1]  # type: ignore[index]
    del_flags: int = arg[2]  # type: ignore[index]
    if add_flags & re.IGNORECASE:
        return True
    if del_flags & re.IGNORECASE:
        return False
    return ignorecase


def _first_chars(items: list[tuple[object, object]], ignorecase: bool) -> set[str] | None:
    """The characters a parsed regex can start with (None: could be anything)."""
    from re import _constants as C  # type: ignore[attr-defined]

    for op, arg in items:
        if op is C.AT:
            continue  # an anchor or boundary: look at what follows
        if op in (C.LITERAL, C.IN):
            return _char_set(op, arg, ignorecase)
        if op is C.SUBPATTERN:
            return _first_chars(list(arg[3]), _subpattern_case(arg, ignorecase))  # type: ignore[index]
        if op is C.BRANCH:
            out: set[str] = set()
            for alt in arg[1]:  # type: ignore[index]
                first = _first_chars(list(alt), ignorecase)
                if first is None:
                    return None
                out |= first
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] > 0:  # type: ignore[index]
            return _first_chars(list(arg[2]), ignorecase)  # type: ignore[index]
        return None
    return None


def _parse(pattern: str) -> object | None:
    """The pattern parsed case-insensitively by `re`'s own parser; None when it cannot be."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed: object = _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # an unknown construct: no guard, the pattern is tried everywhere
        return None
    return parsed


def first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a catalog pattern (compiled case-insensitively) can start with."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    chars = _first_chars(list(parsed), True)  # type: ignore[call-overload]
    return frozenset(chars) if chars else None


def _start_chars(items: list[tuple[object, object]], ignorecase: bool) -> tuple[set[str] | None, bool]:
    """(the characters a parsed regex can start with, whether it can match nothing);
    None: could be anything. Unlike `_first_chars`, an optional part (`(?:NVIDIA )?`) is
    looked through to what follows it."""
    from re import _constants as C  # type: ignore[attr-defined]

    out: set[str] = set()
    for op, arg in items:
        nullable = False
        if op is C.AT:
            continue
        if op in (C.LITERAL, C.IN):
            chars = _char_set(op, arg, ignorecase)
            if chars is None:
                return None, False
            out |= chars
        elif op is C.SUBPATTERN:
            first, nullable = _start_chars(list(arg[3]), _subpattern_case(arg, ignorecase))  # type: ignore[index]
            if first is None:
                return None, False
            out |= first
        elif op is C.BRANCH:
            for alt in arg[1]:  # type: ignore[index]
                first, empty = _start_chars(list(alt), ignorecase)
                if first is None:
                    return None, False
                out |= first
                nullable = nullable or empty
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            first, empty = _start_chars(list(arg[2]), ignorecase)  # type: ignore[index]
            if first is None:
                return None, False
            out |= first
            nullable = empty or arg[0] == 0  # type: ignore[index]
        else:
            return None, False
        if not nullable:
            return out, False
    return out, True


def start_chars(pattern: str) -> frozenset[str] | None:
    """Characters a catalog pattern (compiled case-insensitively) can start with, looking
    through optional parts; None when it could start with anything or match nothing."""
    return _pattern_facts(pattern)[2]


def _pattern_facts(pattern: str) -> tuple[bool, frozenset[str] | None, frozenset[str] | None]:
    """(whether it names a group, `first_chars`, `start_chars`) of a catalog pattern, from
    one parse. A pattern `re` cannot parse raises its error here, as compiling it would."""
    parsed = _parse(pattern)
    if parsed is None:
        return bool(re.compile(pattern).groupindex), None, None
    items = list(parsed)  # type: ignore[call-overload]
    first = _first_chars(items, True)
    begins, nullable = _start_chars(items, True)
    return (bool(parsed.state.groupdict), frozenset(first) if first else None,  # type: ignore[attr-defined]
            frozenset(begins) if begins and not nullable else None)


_BUCKET = 4
"""Pattern groups tested behind one shared lookahead: a word start whose character none of
them can begin with costs one test for the bucket instead of one per group."""


def _fold_class(chars: Iterable[str]) -> str:
    """A lookahead on these characters in any case (Unicode folding: a superset of every
    explicit-case class of them)."""
    return "(?=(?i:[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]))"


def _guarded(parts: list[tuple[str, frozenset[str] | None, frozenset[str] | None]]) -> list[str]:
    """Patterns grouped behind a one-character lookahead on what they can start with, so
    the engine skips most positions after a single class test instead of trying each.

    `parts`: (body, first characters, start characters). Groups are keyed by the first
    characters, in the order their keys first appear: that order decides which pattern
    wins at a position, and is kept. Consecutive groups then share a bucket lookahead on
    the union of what they can start with; a lookahead only skips positions where no
    pattern behind it can match, so the matches are the same."""
    groups: dict[frozenset[str] | None, list[str]] = {}
    starts: dict[frozenset[str] | None, set[str] | None] = {}
    for body, chars, begins in parts:
        key = None if chars is None else frozenset(c for ch in chars for c in (ch.lower(), ch.upper()))
        groups.setdefault(key, []).append(body)
        known = starts.setdefault(key, set(key) if key is not None else set())
        if key is None:  # no first characters: its patterns' start characters, when all are known
            starts[key] = None if known is None or begins is None else known | begins
    out: list[tuple[str, set[str] | None]] = []
    for chars, bodies in groups.items():
        inner = "|".join(bodies)
        if chars is None:
            anything = starts[None]
            out.append((f"{_fold_class(anything)}(?:{inner})" if anything else inner, anything or None))
        else:
            cls = "".join(re.escape(c) for c in sorted(chars))
            out.append((f"(?=[{cls}])(?:{inner})", set(chars)))
    buckets: list[str] = []
    for i in range(0, len(out), _BUCKET):
        run = out[i : i + _BUCKET]
        sets = [c for _, c in run]
        if len(run) > 1 and all(c is not None for c in sets):
            union: set[str] = set().union(*sets)  # type: ignore[arg-type]
            buckets.append(f"{_fold_class(union)}(?:{'|'.join(g for g, _ in run)})")
        else:
            buckets.extend(g for g, _ in run)
    return buckets


class CatalogConflict(ValueError):
    """Two terms fold to the same key but point at different targets."""


_DROPPED = re.compile(r"[\s_\-.]+")
"""What the name automaton does not see: the characters a separator (`_SEP`, `_DOT`) or a
'.' inside a name can stand for. Names are found in the text with these removed and
case folded, then each candidate is checked on the text itself."""


def _kept(units: list[str]) -> str:
    """The automaton's key of a unit sequence: its characters without separators."""
    return "".join(u for u in units if u not in (_SEP, _DOT) and not _DROPPED.fullmatch(u))


def _trimmed(units: list[str]) -> list[str]:
    """Units without separators at either end (a name is matched from its first
    character to its last)."""
    def dropped(u: str) -> bool:
        return u in (_SEP, _DOT) or bool(_DROPPED.fullmatch(u))

    lo, hi = 0, len(units)
    while lo < hi and dropped(units[lo]):
        lo += 1
    while hi > lo and dropped(units[hi - 1]):
        hi -= 1
    return units[lo:hi]


class _Folded:
    """A text with the dropped characters removed (as is, and case folded), and the way
    back from its positions to the text's, worked out only when a candidate needs it."""

    __slots__ = ("_folded", "_norm_starts", "_orig_starts", "exact", "original")

    def __init__(self, text: str) -> None:
        self.original = text
        self.exact = _DROPPED.sub("", text)
        self._folded: str | None = None
        self._norm_starts: list[int] | None = None
        self._orig_starts: list[int] = []

    @property
    def folded(self) -> str:
        if self._folded is None:
            low = self.exact.lower()
            if len(low) != len(self.exact):  # a character whose lower case is longer: kept as it is
                low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.exact)
            self._folded = low
        return self._folded

    def position(self, index: int) -> int:
        """The text's position of the character at `index` of the texts without separators."""
        if self._norm_starts is None:
            spans = [m.span() for m in _DROPPED.finditer(self.original)]
            removed = 0
            orig = [0]
            norm = [0]
            for a, b in spans:
                removed += b - a
                orig.append(b)
                norm.append(b - removed)
            self._orig_starts, self._norm_starts = orig, norm
        run = bisect.bisect_right(self._norm_starts, index) - 1
        return self._orig_starts[run] + index - self._norm_starts[run]


class _Names:
    """Literal names (folded or exact) in a pyahocorasick automaton, keyed by their
    characters without separators; each candidate is confirmed by the name's own
    expression on the text (separators where the name has them, at most three of
    them, word boundaries around it)."""

    def __init__(self, sequences: list[list[str]], folded: bool) -> None:
        import ahocorasick  # type: ignore[import-not-found]  # no type stubs

        self.folded = folded
        self._shapes: dict[str, list[list[str]]] = {}
        for units in sequences:
            units = _trimmed(units)
            key = _kept(units)
            if key:
                self._shapes.setdefault(key, []).append(units)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for key in self._shapes:
            self._automaton.add_word(key)
        if self._shapes:
            self._automaton.make_automaton()

    def _fits(self, key: str, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] is one of the key's names, separators and case as
        the name allows (what the name's own expression, `_chain`, would match)."""
        return any(_fits(units, 0, text, start, end, self.folded) for units in self._shapes[key])

    def candidates(self, seen: _Folded) -> dict[int, int]:
        """Start -> end of the longest confirmed name starting there."""
        if not self._shapes:
            return {}
        text = seen.original
        keys = seen.folded if self.folded else seen.exact
        out: dict[int, int] = {}
        position = seen.position
        for last, length in self._automaton.iter(keys):
            start = position(last - length + 1)
            end = position(last) + 1
            if start in out and out[start] >= end:
                continue
            if start and _alnum(text, start - 1):
                continue
            if end < len(text) and _alnum(text, end):
                continue
            if self._fits(keys[last - length + 1 : last + 1], text, start, end):
                out[start] = end
        return out


_SEP_CHARS = re.compile(r"[\s_\-]")
_SEP_MAX = 3  # characters a separator may stand for (`_SEP_RE`)
_DOT_CHARS = ".-_"


def _fits(units: list[str], i: int, text: str, pos: int, end: int, folded: bool) -> bool:
    """Whether units[i:] match text[pos:end] exactly: a letter in either ASCII case (when
    folded; another character as written or in its other case), a separator as zero to
    three of space, '-', '_', an API group's dot as one of '.', '-', '_'."""
    while i < len(units):
        unit = units[i]
        if unit == _SEP:
            run = 0
            while pos + run < end and run < _SEP_MAX and _SEP_CHARS.match(text, pos + run):
                run += 1
            return any(_fits(units, i + 1, text, pos + k, end, folded) for k in range(run, -1, -1))
        if pos >= end:
            return False
        ch = text[pos]
        if unit == _DOT:
            if ch not in _DOT_CHARS:
                return False
        elif ch != unit:
            if not folded:
                return False
            if unit.isascii():
                if not (ch.isascii() and ch.lower() == unit):
                    return False
            elif ch != unit.upper():
                return False
        i += 1
        pos += 1
    return pos == end


def _alnum(text: str, i: int) -> bool:
    """Whether text[i] is an ASCII letter or digit (what ends a word for a name)."""
    ch = text[i]
    return ch.isascii() and ch.isalnum()


class Matcher:
    """The terms compiled: literal names and API groups in Aho-Corasick automata, the
    catalog's patterns in one guarded regular expression; `scan(text)` yields the hits.

    At each position, left to right, a folded name or API group wins over a
    case-sensitive name, which wins over a pattern; among names the longest wins; a hit
    consumes its text (the next is looked for after it), and a veto that wins a position
    is dropped."""

    def __init__(self, terms: Iterable[Term], strict: bool = True) -> None:
        self._strict = strict
        self._folded: dict[str, Term] = {}  # case-insensitive names and API groups
        self._exact: dict[str, Term] = {}  # case-sensitive names
        self._patterns: dict[str, Term] = {}
        folded_seqs: list[list[str]] = []
        exact_seqs: list[list[str]] = []
        pattern_parts: list[tuple[str, frozenset[str] | None, frozenset[str] | None]] = []
        for term in terms:
            if term.kind is TermKind.PATTERN:
                name = f"p{len(self._patterns)}"
                named, first, begins = _pattern_facts(term.text)
                if named:
                    raise CatalogConflict(f"pattern {term.text!r} ({term.target}) uses a named group")
                wrap = "(?:" if term.case_sensitive else "(?i:"
                pattern_parts.append((f"(?P<{name}>{wrap}{term.text}))", first, begins))
                self._patterns[name] = term
                continue
            if term.case_sensitive and term.kind is not TermKind.API_GROUP:
                key = fold_key(term.text, term.kind, fold=False)
                self._add(self._exact, key, term)
                exact_seqs.append(_units(term.text, term.kind, fold=False))
            else:
                key = fold_key(term.text, term.kind)
                self._add(self._folded, key, term)
                folded_seqs.append(_units(term.text, term.kind, fold=True))
        self._names = (_Names(folded_seqs, True), _Names(exact_seqs, False))
        parts = _guarded(pattern_parts)
        body = "|".join(parts) if parts else r"(?!x)x"
        self.regex = re.compile(f"{_BOUND_L}(?:{body}){_BOUND_R}")
        self._any_pattern = bool(parts)

    def _add(self, table: dict[str, Term], key: str, term: Term) -> None:
        old = table.get(key)
        if old is not None and old.target != term.target and TermKind.VETO not in (old.kind, term.kind):
            if not self._strict:
                return  # the first term keeps the key
            raise CatalogConflict(f"{term.text!r} ({term.target}) and {old.text!r} ({old.target}) are the same alias")
        if old is None or term.kind is TermKind.VETO:
            table[key] = term

    def _name_term(self, folded: bool, text: str) -> Term | None:
        if folded:
            return self._folded.get(fold_key(text, TermKind.NAME)) or self._folded.get(
                fold_key(text, TermKind.API_GROUP)
            )
        return self._exact.get(fold_key(text, TermKind.NAME, fold=False))

    def scan(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Every mention in text[start:end], vetoes removed, in order. Time: linear in
        the text (one pass of each automaton, one of the pattern expression, and a check
        of each candidate over its own span)."""
        stop = len(text) if end is None else end
        # as `re` with pos/endpos: nothing after `stop` is seen, the text before `start` is
        view = text[:stop] if stop != len(text) else text
        seen = _Folded(view)
        folded, exact = (names.candidates(seen) for names in self._names)
        starts = sorted(s for s in {*folded, *exact} if s >= start)
        pattern = self.regex.search(view, start) if self._any_pattern else None
        cursor = start
        i = 0
        while True:
            while i < len(starts) and starts[i] < cursor:
                i += 1
            if pattern is not None and pattern.start() < cursor:
                pattern = self.regex.search(view, cursor)
            name_at = starts[i] if i < len(starts) else None
            if name_at is None and pattern is None:
                return
            if name_at is not None and (pattern is None or name_at <= pattern.start()):
                is_folded = name_at in folded
                name_end = folded[name_at] if is_folded else exact[name_at]
                term = self._name_term(is_folded, view[name_at:name_end])
                cursor = name_end
                if term is not None and term.kind is not TermKind.VETO:
                    yield Hit(term, name_at, name_end)
                continue
            assert pattern is not None
            group = pattern.lastgroup
            term = self._patterns.get(group) if group is not None else None
            cursor = max(pattern.end(), pattern.start() + 1)
            if term is not None and term.kind is not TermKind.VETO:
                yield Hit(term, pattern.start(), pattern.end())
            pattern = self.regex.search(view, cursor)


@lru_cache(maxsize=16)
def compiled_matcher(terms: tuple[Term, ...], strict: bool = True) -> Matcher:
    """A Matcher for these terms, compiled once per process: every Catalog object with the
    same entries (the shipped one, read again; its extension by solution signals) shares
    it. `compiled_matcher.cache_clear()` forgets them (a benchmark timing the compile)."""
    return Matcher(terms, strict)
