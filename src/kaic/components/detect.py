"""Submission -> Detection: every catalog mention, with its place, version and tag.

Read: the metadata (every field), each requirement's notes and evidence (links, words,
local paths) and the text files in the product folder. Never read: a requirement's
`description`, which is copied from the checklist and names example projects.

A mention in a requirement whose status is N/A or Not Implemented, or in a clause that
says "not applicable", "not deployed", "planned"..., is kept with a tag and does not
count as adoption. Projects named by the platform's identity (its repoUrl, platform
name, website or documentation links) are the platform itself, not components.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Answer, EvidenceKind, Status, Submission
from .catalog import Catalog
from .context import folded_words, is_checklist_quote, restates_requirement
from .localfiles import LocalFile
from .matcher import Hit, Term, TermKind
from .model import Component, Detection, Kind, Mention, Place, Via
from .places import FENCE, PlaceFn, evidence_references, file_places, readers
from .text import TAG_ORDER, Clauses, LineIndex, Tag, restates
from .urls import URL_IN_TEXT, Url, parse, repo_of, slug_text, version_in_rest
from .versions import LOOKBACK_LINES, key_line_version, normalize, version_after

IDENTITY_FIELDS = ("platformName", "repoUrl", "websiteUrl", "documentationUrl", "productLogoUrl")
"""Metadata fields that name the platform itself: projects found there are the platform."""

_NEGATIVE_STATUSES = (Status.NA, Status.NOT_IMPLEMENTED)
_SNIPPET = 80
_API_VERSION = re.compile(r"(?<![\w.])v\d+(?:(?:alpha|beta)\d+)?(?![\w]|\.\d)")

_PLAIN_RELEASE = re.compile(r"v?\d+\.\d+(?:\.\d+)?")



def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


@dataclass
class _Scan:
    """Collects the mentions of one submission."""

    catalog: Catalog
    mentions: list[Mention]
    _confirmed: dict[tuple[str, object], bool] = field(default_factory=dict)

    @property
    def packaging(self) -> tuple[str, ...]:
        """The catalog's packaging cues, lower case (a wrapper's version is its own)."""
        return tuple(str(p.get("cue", "")).lower() for p in self.catalog.data.get("packaging") or ()
                     if isinstance(p, dict) and p.get("cue"))

    def _ambiguity(self, term: Term, place: Place, scope: str, scope_key: object = None) -> str | None:
        """None for an ordinary term; "confirmed" when the hit is in one of the entry's
        context requirements or a context pattern occurs in the same scope; else
        "unconfirmed" (kept only if the submission names the entry unambiguously too).

        `scope_key` names the scope (same key, same text): each entry's context is then
        searched once per scope, not once per hit, so many hits in one long paragraph
        cost what the paragraph costs."""
        if not term.ambiguous:
            return None
        entry = self.catalog.entry(term.target)
        if entry is not None and place.requirement in entry.context_requirements:
            return "confirmed"
        memo = (term.target, scope_key) if scope_key is not None else None
        found = self._confirmed.get(memo) if memo is not None else None
        if found is None:
            context = self.catalog.context(term.target)
            found = context is not None and context.search(scope) is not None
            if memo is not None:
                self._confirmed[memo] = found
        return "confirmed" if found else "unconfirmed"

    # -- links ---------------------------------------------------------------------------

    def url(self, raw: str, place: Place, tag: Tag | None, scope: str = "", words: bool = True,
            wording: str = "") -> None:
        url = parse(raw)
        if url is None:
            return
        found = self.catalog.prefixes.match(url)
        linked: str | None = None
        if found is not None:
            target, prefix, rest = found
            linked = target
            version = version_in_rest(prefix, rest)
            self.mentions.append(Mention(target, place, Via.URL, _snippet(raw), version, tag))
        if words:
            self.link_words(url, place, tag, linked, scope, wording)

    def link_words(self, url: Url, place: Place, tag: Tag | None, skip: str | None, scope: str,
                   wording: str = "") -> None:
        text = slug_text(url)
        # an anchor that only restates the requirement it is evidence for names nothing
        quoted_from = len(text) + 1
        if wording and url.fragment and restates(url.fragment.replace("_", " "), wording):
            fragment = url.fragment.removeprefix(":~:text=")
            quoted_from = len(text) - len(fragment)
        seen: set[str] = set()
        hits = list(self.catalog.matcher.scan(text))
        folded = list(self.catalog.link_matcher.scan(text))
        if folded:  # a folded short name counts where no catalog term already is
            taken = [(h.start, h.end) for h in hits]
            hits += [h for h in folded if not any(s < h.end and h.start < e for s, e in taken)]
            hits.sort(key=lambda h: h.start)
        for hit in hits:
            target = hit.term.target
            if target == skip or target in seen:
                continue
            seen.add(target)
            via = Via.API_GROUP if hit.term.kind is TermKind.API_GROUP else Via.LINK_WORDS
            ambiguity = self._ambiguity(hit.term, place, scope or text)
            hit_tag = tag or (Tag.QUOTED if hit.start >= quoted_from else None)
            self.mentions.append(Mention(target, place, via, _snippet(text[hit.start : hit.end]), None, hit_tag,
                                         ambiguity=ambiguity))

    # -- prose ---------------------------------------------------------------------------

    def prose(self, text: str, places: PlaceFn, status_tag: Tag | None, blocks: bool, scope: str | None,
              wording: str = "") -> None:
        """Scan free text once: links first (masked out), then names, versions and tags.

        `scope` is the text that confirms an ambiguous name (a requirement's notes and
        evidence); None: the paragraph or fenced block around the hit (files)."""
        if not text.strip():
            return
        index = LineIndex(text)
        urls = list(URL_IN_TEXT.finditer(text)) if "://" in text else []
        masked = URL_IN_TEXT.sub(lambda m: " " * len(m.group(0)), text) if urls else text
        paragraphs = _Paragraphs(text)
        scope_id = object()  # one key for `scope` during this call
        for m in urls:
            around = scope if scope is not None else paragraphs.text(m.start())
            for place in places(index.line(m.start())):
                self.url(m.group(0), place, status_tag, around)
        hits = list(self.catalog.matcher.scan(masked))
        if not hits:
            return
        versions = _versions(masked, hits, index, blocks, self.packaging)
        clauses = Clauses(masked)
        folded = folded_words(wording) if wording else ""
        api_versions: _ApiVersions | None = None
        for i, hit in enumerate(hits):
            line = index.line(hit.start)
            tag = status_tag or clauses.tag(hit.start, hit.end) or _quoted(clauses, hit.start, hit.end, wording, folded)
            via = Via.API_GROUP if hit.term.kind is TermKind.API_GROUP else Via.NAME
            snippet = _snippet(masked[hit.start : hit.end])
            api_version = None
            if via is Via.API_GROUP or self.catalog.kind(hit.term.target) is Kind.SIGNAL:
                api_versions = api_versions or _ApiVersions(masked)
                api_version = api_versions.after(clauses, hit.start, hit.end)
            around, key = "", None
            if hit.term.ambiguous:
                if scope is not None:
                    around, key = scope, scope_id
                else:
                    key = (scope_id, paragraphs.bounds(hit.start))
                    around = paragraphs.text(hit.start) if (hit.term.target, key) not in self._confirmed else ""
            for place in places(line):
                self.mentions.append(
                    Mention(hit.term.target, place, via, snippet, versions[i], tag, api_version,
                            self._ambiguity(hit.term, place, around, key))
                )


def _quoted(clauses: Clauses, start: int, end: int, wording: str, folded: str) -> Tag | None:
    """QUOTED when the sentence is the requirement's wording quoted back, or the clause
    restates the requirement's own condition (kaic.components.context)."""
    if wording and (is_checklist_quote(clauses.text, start, end, folded)
                    or restates_requirement(clauses, start, end, wording)):
        return Tag.QUOTED
    return None


_BLANK = re.compile(r"\n[ \t]*\n")
_FENCE_MARK = "```"
_WINDOW = 4000  # how far back a paragraph start is looked for


class _Paragraphs:
    """The fenced block or blank-line paragraph around a position of one text. The
    fences and blank lines are found once (on first use), then each lookup is a
    bisection: many hits in one long text cost what the text costs."""

    __slots__ = ("_blanks", "_fences", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._fences: tuple[list[int], list[int]] | None = None
        self._blanks: tuple[list[int], list[int]] | None = None

    def _fence_marks(self) -> tuple[list[int], list[int]]:
        """(every occurrence of ``` (overlapping, as `rfind`/`find` see them), the
        non-overlapping ones `count` sees)."""
        if self._fences is None:
            text = self._text
            every: list[int] = []
            counted: list[int] = []
            pos = text.find(_FENCE_MARK)
            while pos >= 0:
                every.append(pos)
                if not counted or pos >= counted[-1] + len(_FENCE_MARK):
                    counted.append(pos)
                pos = text.find(_FENCE_MARK, pos + 1)
            self._fences = (every, counted)
        return self._fences

    def _blank_lines(self) -> tuple[list[int], list[int]]:
        """(starts, ends) of the blank-line breaks, scanning the text once."""
        if self._blanks is None:
            found = [m.span() for m in _BLANK.finditer(self._text)]
            self._blanks = ([a for a, _ in found], [b for _, b in found])
        return self._blanks

    def bounds(self, pos: int) -> tuple[int, int]:
        """The paragraph around `pos` (a position in a word, never in a blank line):
        inside a fence, from the opening fence to the closing one (or the end); else
        from the last blank line at most `_WINDOW` characters back to the next one."""
        text, width = self._text, len(_FENCE_MARK)
        every, counted = self._fence_marks()
        last = bisect.bisect_right(every, pos - width) - 1  # rfind("```", 0, pos)
        if last >= 0 and bisect.bisect_right(counted, pos - width) % 2 == 1:  # count("```", 0, pos) odd
            nxt = bisect.bisect_left(every, pos)  # find("```", pos)
            return every[last], every[nxt] if nxt < len(every) else len(text)
        starts, ends = self._blank_lines()
        window = max(0, pos - _WINDOW)
        first = bisect.bisect_left(starts, window)
        if first and ends[first - 1] > window:
            # a break straddles the window's start: a scan from there may pair the
            # newlines of a run of blank lines differently; scan the window itself
            left = 0
            for m in _BLANK.finditer(text, window, pos):
                left = m.end()
        else:
            k = bisect.bisect_right(ends, pos) - 1
            left = ends[k] if k >= first else 0
        nxt = bisect.bisect_left(starts, pos)
        return left, starts[nxt] if nxt < len(starts) else len(text)

    def text(self, pos: int) -> str:
        left, right = self.bounds(pos)
        return self._text[left:right]


# After an API version, wording that places it elsewhere: "DRA v1 APIs ... are GA in
# Kubernetes v1.34+" (in a v1.33 submission), "v1 is not available yet".
_ELSEWHERE = re.compile(
    r"\b(?:not\s+(?:yet\s+)?(?:available|supported|served|enabled)|unavailable"
    r"|(?:GA|generally\s+available|available|stable)\s+(?:only\s+)?(?:in|from|since|starting\s+(?:in|with|from))"
    r"\s+(?:Kubernetes\s+)?v?\d+\.\d+\+)",
    re.IGNORECASE,
)


class _ApiVersions:
    """Every API version (`v1`, `v1beta1`) of one text, and every phrase placing one
    elsewhere, found in one pass each: a lookup is then a bisection."""

    __slots__ = ("_elsewhere", "_found")

    def __init__(self, text: str) -> None:
        self._found = [(m.start(), m.group(0)) for m in _API_VERSION.finditer(text)]
        self._elsewhere = [m.span() for m in _ELSEWHERE.finditer(text)]

    def after(self, clauses: Clauses, start: int, end: int) -> str | None:
        """`resource.k8s.io/v1beta1`, "DRA v1 APIs", "... at v1beta1": the first API
        version written after the mention in its clause; None when the clause says that
        version is not there ("are GA in Kubernetes v1.34+", "not available")."""
        _, right = clauses.bounds(start, end)
        i = bisect.bisect_left(self._found, (end, ""))
        if i >= len(self._found):
            return None
        pos, version = self._found[i]
        if pos + len(version) > right:
            return None
        k = bisect.bisect_left(self._elsewhere, (pos + len(version), 0))
        if k < len(self._elsewhere) and self._elsewhere[k][1] <= right:
            return None
        return version


def _wrapped(text: str, index: LineIndex, name_line: int, version_line: int, cues: tuple[str, ...]) -> bool:
    """The command holding both lines installs through a wrapper (a packaging cue of the
    catalog): its version is the wrapper's. The command is the run of lines around them
    joined by trailing backslashes."""
    if not cues:
        return False
    first = name_line
    while first > 1 and text[index.start(first - 1) : index.end(first - 1, len(text))].rstrip().endswith("\\"):
        first -= 1
    command = text[index.start(first) : index.end(version_line, len(text))].lower()
    return any(cue in command for cue in cues)


def _versions(text: str, hits: list[Hit], index: LineIndex, blocks: bool,
              packaging: tuple[str, ...] = ()) -> list[str | None]:
    """The version of each hit: right after it on its line, or from a version-key line below
    (unless the command installs it through a wrapper: `packaging` cues)."""
    out: list[str | None] = [None] * len(hits)
    lines_with_hits: dict[int, list[int]] = {}
    for i, hit in enumerate(hits):
        line = index.line(hit.start)
        lines_with_hits.setdefault(line, []).append(i)
        if not hit.term.versioned:
            continue
        line_end = index.end(line, len(text))
        stop = hits[i + 1].start if i + 1 < len(hits) and hits[i + 1].start < line_end else line_end
        version = version_after(text, hit.end, stop)
        if version and text[hit.start - 1 : hit.start] == "/" and text[hit.end : hit.end + 1] == ":" \
                and not _PLAIN_RELEASE.fullmatch(version):
            version = None  # an image tag such as nvcr.io/nvidia/pytorch:25.12-py3 is a build, not a release
        out[i] = version
    if not blocks:
        return out
    # A line that only sets a version (`--version 1.0.1 \`, `version: "25.3.0"`) belongs to
    # the nearest name above it in the same block (no blank line or fence in between).
    total = len(index)
    for line in range(1, total + 1):
        if line in lines_with_hits:
            continue
        start = index.start(line)
        body = text[start : index.end(line, len(text))]
        if "ersion" not in body and "tag" not in body.lower():
            continue
        version = key_line_version(body)
        if not version:
            continue
        for above in range(line - 1, max(0, line - 1 - LOOKBACK_LINES), -1):
            above_text = text[index.start(above) : index.end(above, len(text))]
            if not above_text.strip() or FENCE.match(above_text):
                break
            candidates = [i for i in lines_with_hits.get(above, ()) if hits[i].term.versioned]
            if candidates:
                last = candidates[-1]
                if out[last] is None and not _wrapped(text, index, above, line, packaging):
                    out[last] = version
                break
    return out


# -- local files -----------------------------------------------------------------------


# -- the submission --------------------------------------------------------------------


def _answer_tag(answer: Answer) -> Tag | None:
    return Tag.NEGATIVE if answer.status in _NEGATIVE_STATUSES else None


def _field_places(place: Place, multiline: bool) -> PlaceFn:
    """Places in a YAML field: its key's line, or the line inside a block scalar."""

    def places(line: int) -> list[Place]:
        if place.line is None or not multiline:
            return [place]
        return [Place(place.requirement, place.field, place.file, place.line + line)]

    return places


def scan_submission(sub: Submission, catalog: Catalog, files: Mapping[str, LocalFile]) -> list[Mention]:
    """Every mention of a catalog entry in the submission, in reading order."""
    scan = _Scan(catalog, [])
    for name, meta in sub.metadata.items():
        value = meta.text
        if not value:
            continue
        place = Place(None, f"metadata.{name}", None, meta.line)
        if parse(value) is not None and re.match(r"^[a-z]+://", value.strip(), re.IGNORECASE):
            scan.url(value, place, None, value)
        else:
            scan.prose(value, _field_places(place, False), None, False, value)
    for answer in sub.answers:
        status_tag = _answer_tag(answer)
        scope = "\n".join([answer.notes, *(ev.raw for ev in answer.evidence)])
        if answer.notes.strip():
            multiline = "\n" in answer.notes.strip()
            place = Place(answer.id, "notes", None, answer.notes_line)
            scan.prose(answer.notes, _field_places(place, multiline), status_tag, False, scope,
                       f"{answer.id.replace('_', ' ')} {answer.description or ''}")
        for ev in answer.evidence:
            place = Place(answer.id, "evidence", None, ev.line)
            if ev.kind is EvidenceKind.URL:
                scan.url(ev.target, place, status_tag, scope, wording=f"{answer.id.replace('_', ' ')} "
                                                                      f"{answer.description or ''}")
            elif ev.kind is EvidenceKind.TEXT:
                scan.prose(ev.target, _field_places(place, False), status_tag, False, scope)
    refs = evidence_references(sub)
    negative_reqs = {a.id for a in sub.answers if _answer_tag(a)}
    for path in sorted(files):
        local = files[path]
        if local.text is None:
            continue
        places = file_places(path, local.text, refs)
        referenced_by = readers(path, refs)
        status_tag = Tag.NEGATIVE if referenced_by and referenced_by <= negative_reqs else None
        scan.prose(local.text, places, status_tag, True, None)
    return _confirm(scan.mentions)


def _confirm(mentions: list[Mention]) -> list[Mention]:
    """Drop unconfirmed hits on ambiguous names, unless the submission also names the same
    entry unambiguously (another alias, a pattern, an API group or a link) or in a
    confirmed place (its context, or one of its context requirements)."""
    sure = {m.target for m in mentions if m.ambiguity != "unconfirmed"}
    return [m for m in mentions if m.ambiguity != "unconfirmed" or m.target in sure]


def _platform_targets(sub: Submission, mentions: Iterable[Mention], catalog: Catalog) -> set[str]:
    targets: set[str] = set()
    repo = repo_of(sub.meta("repoUrl"))
    if repo:
        for key in catalog.projects_by_repo(repo):
            targets.add(key)
    for m in mentions:
        field = m.place.field or ""
        if (field.startswith("metadata.") and field[len("metadata.") :] in IDENTITY_FIELDS
                and catalog.kind(m.target) is Kind.PROJECT):
            targets.add(m.target)
    return targets


def _reading_order(m: Mention) -> tuple[int, str, int]:
    """PRODUCT.yaml first (by line), then the folder's files (by path and line)."""
    p = m.place
    return (1 if p.file else 0, p.file or "", p.line or 0)


def _fold(target: str, name: str, mentions: list[Mention], platform: bool) -> Component:
    versions: list[tuple[str, Place]] = []
    seen_versions: set[str] = set()
    places: list[Place] = []
    seen_places: set[Place] = set()
    for m in sorted(mentions, key=_reading_order):
        if m.place not in seen_places:
            seen_places.add(m.place)
            places.append(m.place)
        if m.version and normalize(m.version) not in seen_versions:
            seen_versions.add(normalize(m.version))
            versions.append((m.version, m.place))
    tags = {m.tag for m in mentions}
    tag = None if None in tags else next((t for t in TAG_ORDER if t in tags), Tag.NEGATIVE)
    return Component(
        repo=target,
        name=name,
        mark="M" if versions else "X",
        version=versions[0][0] if versions else None,
        versions=tuple(versions),
        places=tuple(places),
        platform=platform,
        tag=tag,
    )


def detect(sub: Submission, catalog: Catalog, files: Mapping[str, LocalFile]) -> Detection:
    mentions = scan_submission(sub, catalog, files)
    platform = _platform_targets(sub, mentions, catalog)
    by_target: dict[str, list[Mention]] = {}
    for m in mentions:
        by_target.setdefault(m.target, []).append(m)
    components: list[Component] = []
    platform_parts: list[Component] = []
    not_adopted: list[Component] = []
    for target in catalog.order(by_target):
        if catalog.kind(target) is not Kind.PROJECT:
            continue
        found = by_target[target]
        counting = [m for m in found if m.counts]
        name = catalog.name(target)
        if target in platform:
            platform_parts.append(_fold(target, name, found, True))
        elif counting:
            components.append(_fold(target, name, counting, False))
        else:
            not_adopted.append(_fold(target, name, found, False))
    adopted = {c.repo for c in components}
    named = [t for t, ms in by_target.items() if any(m.counts for m in ms)]
    accelerators = catalog.accelerators_for(
        [t for t in named if catalog.kind(t) is Kind.ACCELERATOR],
        [*adopted, *(t for t in named if catalog.kind(t) is Kind.TECHNIQUE)],
    )
    techniques = [catalog.name(t) for t in catalog.order(by_target)
                  if catalog.kind(t) is Kind.TECHNIQUE and any(m.counts for m in by_target[t])]
    managed = [catalog.name(t) for t in catalog.order(by_target)
               if catalog.kind(t) is Kind.MANAGED and any(m.counts for m in by_target[t])]
    file_states = tuple(
        (path, "read" if f.text is not None else (f.refused or f.kind)) for path, f in sorted(files.items())
    )
    return Detection(
        path=sub.path,
        mentions=tuple(mentions),
        components=tuple(components),
        platform=tuple(platform_parts),
        not_adopted=tuple(not_adopted),
        accelerators=tuple(accelerators),
        techniques=tuple(techniques),
        managed=tuple(managed),
        files=file_states,
    )
