"""Technical identifiers in one text: metric names, API groups and versions, kinds and
CRDs, feature gates, Helm charts, `kubectl` commands, resource names and node labels.

Generic patterns read the forms (`group/version`, `domain/name`, `kind: X`, command
lines, `--feature-gates=`, `X feature gate`, `metric{...}`); the vocabulary
(data/identifiers.yaml plus the catalog's API groups) adds known kinds and metric
families. Every pattern is linear: runs of one character class with nothing after them
to backtrack into, or alternations of literals.

Each identifier keeps its offsets and, when it must not count, why: the clause says the
thing is absent or planned (`negative`, `roadmap`, as component detection does), offers
it as an example or option (`hypothetical`), or quotes the checklist (`checklist`).
Code (fenced blocks, inline code spans) is read literally: a command or a manifest is
what was done, whatever the prose around it says, unless the line disables it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..components.context import (
    CHECKLIST,
    HYPOTHETICAL,
    Hypotheticals,
    folded_words,
    is_checklist_quote,
)
from ..components.text import Clauses
from ..components.urls import URL_IN_TEXT
from .vocabulary import Vocabulary


class IdKind(StrEnum):
    METRIC = "metric"
    API = "api"  # an API group, with its version when written: resource.k8s.io/v1beta1
    KIND = "kind"  # a kind or a CRD (plural.group)
    FEATURE_GATE = "feature_gate"
    HELM_CHART = "helm_chart"
    KUBECTL = "kubectl"  # "kubectl <verb> [<resource type>]"
    RESOURCE = "resource"  # a domain-qualified resource name or node label: nvidia.com/gpu


KIND_LABELS: dict[IdKind, str] = {
    IdKind.METRIC: "metric",
    IdKind.API: "API group/version",
    IdKind.KIND: "kind or CRD",
    IdKind.FEATURE_GATE: "feature gate",
    IdKind.HELM_CHART: "Helm chart",
    IdKind.KUBECTL: "kubectl command",
    IdKind.RESOURCE: "resource name or label",
}


@dataclass(frozen=True, slots=True)
class Found:
    kind: IdKind
    value: str
    start: int
    end: int
    skip: str | None = None  # why it does not count: negative, roadmap, hypothetical, checklist


MAX_VALUE = 120
_AFTER_ALL = 1 << 62  # sorts after any end offset
_TOKEN = re.compile(r"(?<![\w.\-/])[A-Za-z0-9][\w.\-]*(?:/[A-Za-z0-9][\w.\-]*)?")
_VERSION = re.compile(r"v\d{1,3}(?:(?:alpha|beta)\d{1,3})?")
_API_VERSION_LINE = re.compile(r"\bapiVersion:[ \t]*[\"']?([a-z0-9][\w.\-]*/v\d{1,3}(?:(?:alpha|beta)\d{1,3})?)\b")
_KIND_LINE = re.compile(r"\bkind:[ \t]*[\"']?([A-Z][A-Za-z0-9]{1,62})\b")
_CAMEL = re.compile(r"[A-Z][a-z0-9]+[A-Z]")
_GATES_FLAG = re.compile(r"\bfeature-gates[\"']?[ \t]{0,8}[:=]?[ \t]{0,8}[\"']?([A-Za-z0-9=,]{1,400})")
_GATE_WORDS = re.compile(r"\b([A-Z][A-Za-z0-9]{2,62})[ \t]+feature[ \t-]gates?\b")
_GATES_KEY = re.compile(r"\bfeatureGates:")
_GATE_ITEM = re.compile(r"^[ \t]*(?:-[ \t]*name:[ \t]*[\"']?([A-Z][A-Za-z0-9]{2,62})|([A-Z][A-Za-z0-9]{2,62}):[ \t]*(?:true|false))")
_COMMAND = re.compile(r"\b(kubectl|helm)((?:[ \t]+[^\s|;&<>`'\"()]{1,300}){1,16})")
_PROMQL = re.compile(r"(?<![\w:])([a-zA-Z_][a-zA-Z0-9_:]{2,120})\{")
_CODE_SPAN = re.compile(r"`([^`\n]{1,200})`")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)
_SNAKE = re.compile(r"[a-z_][a-z0-9_:]{2,120}")
_DISABLED = re.compile(r"enabled[\"']?\s*[=:]\s*[\"']?false|--disable|disabled", re.IGNORECASE)
_FILE_TLDS = frozenset({"md", "yaml", "yml", "sh", "txt", "json", "log", "py", "go", "html", "htm", "xml", "csv",
                        "png", "jpg", "svg", "tgz", "gz", "tar", "zip", "out", "conf", "cfg", "toml", "ini"})

# Command-line grammar of kubectl and helm (not knowledge about products): flags that
# take a value when written without '=', and verbs whose next word is a resource type.
_VALUE_FLAGS = frozenset({
    "-n", "--namespace", "-f", "--filename", "-l", "--selector", "-o", "--output", "-c", "--container",
    "--context", "--kubeconfig", "--field-selector", "-L", "--label-columns", "--for", "--timeout", "-k",
    "--version", "--set", "--set-string", "--set-file", "--values", "--repo", "--post-renderer", "-p",
    "--type", "--image", "--replicas", "--as", "--sort-by", "--tail", "--since", "--template",
})
_RESOURCE_VERBS = frozenset({"get", "describe", "explain", "delete", "wait", "create", "edit", "patch", "label",
                             "annotate", "scale", "rollout", "top", "auth"})
_HELM_VERBS = frozenset({"install", "upgrade", "template"})


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced blocks and inline code spans, merged into disjoint offset ranges, in order."""
    ranges: list[tuple[int, int]] = []
    fences = [m.start() for m in _FENCE.finditer(text)]
    for i in range(0, len(fences) - 1, 2):
        ranges.append((fences[i], fences[i + 1]))
    if len(fences) % 2:
        ranges.append((fences[-1], len(text)))
    ranges += [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` is in one of the disjoint, ordered ranges (by bisection)."""
    i = bisect.bisect_right(ranges, (pos, _AFTER_ALL)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _plain_word(value: str) -> bool:
    """A kind spelled like an ordinary capitalised word (Gateway, Pod, Job)."""
    rest = value[1:]
    return rest.isalnum() and (rest.islower() or rest.isdigit())


def _positional(words: list[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for w in words:
        if skip:
            skip = False
            continue
        if w.startswith("-"):
            skip = "=" not in w and w in _VALUE_FLAGS
            continue
        out.append(w)
    return out


def _command(tool: str, args: str, names: Mapping[str, str]) -> tuple[IdKind, str] | None:
    words = _positional(args.split())
    if not words:
        return None
    if tool == "kubectl":
        verb = words[0].lower()
        if not verb.isascii() or not re.fullmatch(r"[a-z][a-z-]{1,20}", verb):
            return None
        value = f"kubectl {verb}"
        if verb in _RESOURCE_VERBS and len(words) > 1:
            resource = words[1].split("/", 1)[0].lower()
            if re.fullmatch(r"[a-z][a-z0-9.\-]{0,80}", resource):
                value += f" {names.get(resource, resource)}"
        return IdKind.KUBECTL, value
    verb = words[0].lower()
    if verb not in _HELM_VERBS:
        return None
    generate = "--generate-name" in args or "-g" in args.split()
    charts = words[1:] if generate else words[2:]
    if not charts:
        return None
    chart = charts[0].rstrip(".,")
    return (IdKind.HELM_CHART, chart[:MAX_VALUE]) if chart else None


class _Reader:
    def __init__(self, vocab: Vocabulary, skip_words: frozenset[str]) -> None:
        self.vocab = vocab
        self.skip_words = skip_words
        self.family = vocab.family_pattern

    def token(self, tok: str, after: str) -> tuple[IdKind, str] | None:
        nxt = after[:1]
        tok = tok.rstrip(".-_")
        if nxt == "/" or not tok:
            return None
        if "/" in tok:
            group, name = tok.split("/", 1)
            if "." not in group:
                return None
            group = group.lower()
            if _VERSION.fullmatch(name):
                return IdKind.API, f"{group}/{name}"
            tld = group.rsplit(".", 1)[-1]
            if (not tld.isalpha() or tld in _FILE_TLDS or nxt == ":" or not name[:1].isalpha()
                    or any(group == d or group.endswith("." + d) for d in self.vocab.not_resource_domains)):
                return None
            return IdKind.RESOURCE, f"{group}/{name}"[:MAX_VALUE]
        if "." in tok:
            low = tok.lower()
            if low in self.vocab.api_groups:
                return IdKind.API, low
            labels = low.split(".")
            for i in range(1, len(labels) - 1):
                if ".".join(labels[i:]) in self.vocab.api_groups and i == 1 and labels[0].isalpha():
                    return IdKind.KIND, low
            return None
        if tok in self.vocab.kinds and not after.startswith(" API"):
            return IdKind.KIND, tok
        return None

    def metric_name(self, name: str) -> bool:
        return (name not in self.skip_words and "_" in name
                and ((self.family is not None and bool(self.family.fullmatch(name)))
                     or any(name.endswith(s) for s in self.vocab.metric_suffixes)))

    def scan(self, text: str) -> list[tuple[IdKind, str, int, int]]:
        """Every identifier of `text` (URLs already masked), in order, without context."""
        out: list[tuple[IdKind, str, int, int]] = []
        for m in _TOKEN.finditer(text):
            got = self.token(m.group(0), text[m.end() : m.end() + 4])
            if got:
                out.append((*got, m.start(), m.end()))
        if self.family is not None:
            for m in self.family.finditer(text):
                if m.group(0) not in self.skip_words:
                    out.append((IdKind.METRIC, m.group(0).rstrip(":_"), m.start(), m.end()))
        for m in _PROMQL.finditer(text) if "{" in text else ():
            if self.metric_name(m.group(1)):
                out.append((IdKind.METRIC, m.group(1), m.start(1), m.end(1)))
        for m in _CODE_SPAN.finditer(text) if "`" in text else ():
            body = m.group(1).strip()
            if _SNAKE.fullmatch(body) and self.metric_name(body):
                out.append((IdKind.METRIC, body, m.start(1), m.end(1)))
        for m in _API_VERSION_LINE.finditer(text) if "apiVersion" in text else ():
            out.append((IdKind.API, m.group(1).lower(), m.start(1), m.end(1)))
        for m in _KIND_LINE.finditer(text) if "kind:" in text else ():
            out.append((IdKind.KIND, m.group(1), m.start(1), m.end(1)))
        gates = "eature" in text  # feature-gates, featureGates, feature gate
        for m in _GATES_FLAG.finditer(text) if gates else ():
            pos = m.start(1)
            for part in m.group(1).split(","):
                name = part.split("=", 1)[0]
                if _CAMEL.match(name):
                    out.append((IdKind.FEATURE_GATE, name, pos, pos + len(name)))
                pos += len(part) + 1
        for m in _GATE_WORDS.finditer(text) if gates else ():
            if _CAMEL.match(m.group(1)):
                out.append((IdKind.FEATURE_GATE, m.group(1), m.start(1), m.end(1)))
        for m in _GATES_KEY.finditer(text) if gates else ():
            self._gate_block(text, m.end(), out)
        for m in _COMMAND.finditer(text) if "kubectl" in text or "helm" in text else ():
            got = _command(m.group(1), m.group(2), self.vocab.kubectl_names)
            if got:
                out.append((*got, m.start(), m.end()))
        out.sort(key=lambda f: (f[2], f[3]))
        unique: list[tuple[IdKind, str, int, int]] = []
        seen: set[tuple[IdKind, str, int]] = set()
        for f in out:
            key = (f[0], f[1], f[2])
            if key not in seen:
                seen.add(key)
                unique.append(f)
        return unique

    @staticmethod
    def _gate_block(text: str, pos: int, out: list[tuple[IdKind, str, int, int]]) -> None:
        """The gates listed under a `featureGates:` key (up to 20 lines, while indented)."""
        for _ in range(20):
            nl = text.find("\n", pos)
            if nl < 0:
                return
            pos = nl + 1
            end = text.find("\n", pos)
            line = text[pos : end if end >= 0 else len(text)]
            if not line.strip():
                continue
            m = _GATE_ITEM.match(line)
            if m is None:
                if not line[:1].isspace() and not line.lstrip().startswith("-"):
                    return
                continue
            name = m.group(1) or m.group(2)
            start = pos + line.index(name)
            out.append((IdKind.FEATURE_GATE, name, start, start + len(name)))


def find_identifiers(text: str, vocab: Vocabulary, checklist: str = "",
                     skip_words: frozenset[str] = frozenset()) -> list[Found]:
    """The identifiers of one text with their offsets and skip reasons.

    `checklist`: the requirement's checklist wording (a sentence quoted from it does
    not count); `skip_words`: names never taken for metrics (e.g. requirement ids)."""
    if not text.strip():
        return []
    joined = text.replace("\\\r\n", "   ").replace("\\\n", "  ")  # shell continuations, same offsets
    masked = URL_IN_TEXT.sub(lambda m: " " * len(m.group(0)), joined) if "://" in joined else joined
    reader = _Reader(vocab, skip_words)
    found = reader.scan(masked)
    if not found:
        return []
    code = _code_ranges(masked)
    clauses = Clauses(masked)
    hypothetical = Hypotheticals(clauses)
    folded = folded_words(checklist) if checklist else ""
    out: list[Found] = []
    for kind, value, start, end in found:
        if kind is IdKind.KIND and _plain_word(value) and not _inside(code, start) \
                and "kind:" not in masked[max(0, start - 8) : start]:
            continue  # "Gateway", "Pod" in prose are words, not the kinds
        skip: str | None = None
        if folded and is_checklist_quote(masked, start, end, folded):
            skip = CHECKLIST
        elif _inside(code, start):
            line_start = masked.rfind("\n", 0, start) + 1
            line_end = masked.find("\n", end)
            line = masked[line_start : line_end if line_end >= 0 else len(masked)]
            if kind is not IdKind.HELM_CHART and kind is not IdKind.KUBECTL and _DISABLED.search(line):
                skip = "negative"
        else:
            tag = clauses.tag(start, end)
            if tag is not None:
                skip = tag.value
            elif hypothetical(start, end):
                skip = HYPOTHETICAL
        out.append(Found(kind, value, start, end, skip))
    return out
