"""Property-based fuzzing of PRODUCT.yaml (issue 11, class 10).

Hypothesis generates submissions — random structures, types, unicode, control
characters, long strings, many items, and raw YAML-ish text — next to a clean one.
For each: loading, validation, the report and every output format (validate's five,
the report's four, diff's three) finish within a bound, never raise, and emit only
well-formed, escaped output.

By default the run is fixed (derandomized) and small, for CI. On demand:

    KAIC_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py       # more examples
    KAIC_FUZZ_SEED=random KAIC_FUZZ_EXAMPLES=500 python -m pytest ...  # a new seed each run
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaic.baseline import RENDER, diff, snapshot
from kaic.channels import terminal
from kaic.formats import FORMATS
from kaic.lint import validate
from kaic.load import load_state
from kaic.report.build import build_report
from kaic.report.render import RENDERERS, renderer
from kaic.source import MAX_FILE_BYTES, Entry, EntryKind, ReadRefused, SourceInfo, Tree

from .fixtures.builder import SPEC, VERSION, checklist_text, clean_product, dump

EXAMPLES = int(os.environ.get("KAIC_FUZZ_EXAMPLES", "25"))
FIXED = os.environ.get("KAIC_FUZZ_SEED", "fixed") != "random"
PER_EXAMPLE = timedelta(seconds=float(os.environ.get("KAIC_FUZZ_DEADLINE", "20")))

FUZZ = f"v{VERSION}/fuzz/PRODUCT.yaml"
CLEAN = f"v{VERSION}/acme/PRODUCT.yaml"
CHECKLIST = f"docs/AIConformance-{VERSION}.yaml"

RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
FORMULA_AT_A_LINE_START = re.compile("(?:^|[\r\n\t;])[ \u3000]*[=+\\-@\uff1d\uff0b\uff0d\uff20]")
LIVE_MENTION = re.compile(r"(?<!\w)@octocat")
CODE_SPAN = re.compile(r"(?<!\\)(`+)[^`].*?\1")


class MemorySource:
    """A repository held in memory: the Source protocol over a dict of path -> bytes."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.info = SourceInfo(location="memory", kind="directory")

    def tree(self) -> Tree:
        entries: dict[str, Entry] = {}
        for path, data in self.files.items():
            entries[path] = Entry(path, EntryKind.FILE, len(data))
            parts = path.split("/")
            for i in range(1, len(parts)):
                folder = "/".join(parts[:i])
                entries.setdefault(folder, Entry(folder, EntryKind.DIR, 0))
        return entries

    def read(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
        data = self.files.get(path)
        if data is None:
            raise ReadRefused("local-evidence-not-found", f"{path} does not exist")
        if len(data) > limit:
            raise ReadRefused("file-too-large", f"{path} is larger than {limit} bytes")
        return data


# -- strategies -----------------------------------------------------------------------------

HOSTILE_WORDS = [
    "\x1b[2K\rImplemented", "\x1b]0;title\x07", "\x9b31m", "\x85", "\u202eevil\u202c", "\u2028", "\u2029",
    "@octocat", "#12", "octo/repo#34", "=cmd|' /C calc'!A0", "\uff1d1+1", "a\r=1", "x\t+1", "a;@SUM(1)",
    "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![b](https://beacon.example/p.png)", "|", "`",
    "Implemented", "Not Implemented", "N/A", "MUST", "https://a.example/x, https://b.example/y", ",",
    "file://../../etc/passwd", "../../docs", "*", "&a", "!!python/object:os.system", "\ufeff", "\x00",
]
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(HOSTILE_WORDS),
    st.lists(st.sampled_from(HOSTILE_WORDS), max_size=6).map(" ".join),
    st.builds(lambda w, n: w * n, st.sampled_from([*HOSTILE_WORDS, "x", " ", ",", "move to "]),
              st.integers(0, 3000)),
)
SCALAR = st.one_of(TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                   st.dates().map(str))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                       st.dictionaries(TEXT, inner, max_size=5)), max_leaves=20)
RIDS = [rid for items in SPEC.values() for rid, _, _ in items]


@st.composite
def answers(draw: st.DrawFn, rid: str) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(VALUE)  # not a mapping at all
    item: dict[Any, Any] = {"id": draw(st.one_of(st.just(rid), TEXT)),
                            "status": draw(st.one_of(st.sampled_from(["Implemented", "Not Implemented", "N/A",
                                                                      "Partially Implemented", ""]), SCALAR)),
                            "evidence": draw(st.one_of(
                                st.lists(st.one_of(TEXT, st.just("https://acme.example.com/e")), max_size=8),
                                st.builds(lambda n: [f"https://acme.example.com/e/{i}" for i in range(n)],
                                          st.integers(0, 3000)),
                                VALUE)),
                            "notes": draw(st.one_of(TEXT, SCALAR, VALUE))}
    for key in draw(st.lists(st.sampled_from(list(item)), max_size=2, unique=True)):
        del item[key]
    item.update(draw(st.dictionaries(TEXT, VALUE, max_size=2)))
    return item


@st.composite
def products(draw: st.DrawFn) -> bytes:
    choice = draw(st.integers(0, 9))
    if choice == 0:  # raw text, YAML-ish or not
        raw = draw(st.text(st.sampled_from(list("-:[]{}&*!|>'\"#%@ \n\t,?abc01\x1b\x85\u2028")), max_size=400))
        return raw.encode("utf-8", "surrogatepass")
    product: dict[Any, Any] = clean_product(name="fuzz", vendor="Fuzz Corp")
    meta = product["metadata"]
    for key in draw(st.lists(st.sampled_from(list(meta)), max_size=len(meta), unique=True)):
        meta[key] = draw(st.one_of(TEXT, VALUE))
    if draw(st.booleans()):
        product["spec"] = {category: [draw(answers(rid)) for rid, _, _ in items]
                           for category, items in SPEC.items()}
        if draw(st.booleans()):
            product["spec"].update(draw(st.dictionaries(TEXT, VALUE, max_size=2)))
    if choice == 1:
        product["spec"] = draw(VALUE)
    if choice == 2:
        product = draw(VALUE)
    if choice == 3:
        product.update(draw(st.dictionaries(TEXT, VALUE, max_size=3)))
    return yaml.safe_dump(product, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


# -- the property -------------------------------------------------------------------------

def _check_json(text: str) -> Any:
    assert not RAW_IN_JSON.search(text)
    return json.loads(text)


def _check_terminal_text(text: str) -> None:
    assert not UNSAFE.search(terminal(text).replace("\n", "").replace("\t", ""))


def _check_markdown(text: str) -> None:
    assert not UNSAFE.search(text.replace("\n", ""))  # controls never reach Markdown
    text = CODE_SPAN.sub("", text)  # what is in a code span is shown as typed, never interpreted
    assert "<img" not in text and not re.search(r"(?<!\\)\]\(javascript:", text) and "![b](" not in text
    assert not LIVE_MENTION.search(text)


def _check_csv(files: dict[str, str]) -> None:
    csv.field_size_limit(16 * 1024 * 1024)  # a cell may hold a whole (long) vendor text
    for name, text in files.items():
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert all(len(r) == len(rows[0]) for r in rows), name
        for row in rows[1:]:
            for cell in row:
                assert not FORMULA_AT_A_LINE_START.search(cell), (name, cell)


CLEAN_STATE = load_state(MemorySource({CHECKLIST: checklist_text().encode(), CLEAN: dump(clean_product()).encode()}))


@settings(max_examples=EXAMPLES, derandomize=FIXED, deadline=PER_EXAMPLE, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(document=products())
@pytest.mark.timeout(0)  # bounded per example by the deadline above
def test_any_product_yaml_is_handled_safely(document: bytes) -> None:
    state = load_state(MemorySource({CHECKLIST: checklist_text().encode(), CLEAN: dump(clean_product()).encode(),
                                     FUZZ: document}))
    assert {s.path for s in state.submissions} == {CLEAN, FUZZ}
    result = validate(state)
    assert result.ok(next(s for s in state.submissions if s.path == CLEAN))  # the clean one is untouched

    for name, fmt in FORMATS.items():
        out = fmt(result)
        _check_terminal_text(out)
        if name in ("json", "sarif"):
            _check_json(out)
        elif name == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif name == "github":
            assert all(line.startswith("::") for line in out.splitlines())
        else:
            assert not UNSAFE.search(out.replace("\n", ""))

    report = build_report(state, result, options={"history": False})
    assert report.data["errors"] == []
    for name in RENDERERS:
        rendered = renderer(name).render(report)
        if name == "json":
            _check_json(str(rendered))
        elif name == "md":
            _check_markdown(str(rendered))
        elif name == "csv":
            assert isinstance(rendered, dict)
            _check_csv(rendered)
        elif name == "html":
            assert "<img src=x" not in str(rendered) and 'href="javascript:' not in str(rendered)

    delta = diff(snapshot(CLEAN_STATE), snapshot(state))
    _check_json(RENDER["json"](delta))
    _check_markdown(RENDER["md"](delta))
    _check_terminal_text(RENDER["text"](delta))


FOLDER = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=30),
    st.lists(st.sampled_from([w for w in HOSTILE_WORDS if "/" not in w and "\x00" not in w] + ["acme", "-", "--"]),
             min_size=1, max_size=4).map("".join),
).filter(lambda name: name not in (".", "..", "acme"))  # acme: the clean submission


@settings(max_examples=EXAMPLES, derandomize=FIXED, deadline=PER_EXAMPLE, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(FOLDER, min_size=1, max_size=3, unique=True))
@pytest.mark.timeout(0)  # bounded per example by the deadline above
def test_any_folder_name_is_handled_safely(names: list[str]) -> None:
    """Folder names reach every output: paths, anchors, ids, annotations."""
    files = {CHECKLIST: checklist_text().encode(), CLEAN: dump(clean_product()).encode()}
    for name in names:
        files[f"v{VERSION}/{name}/PRODUCT.yaml"] = dump(clean_product(name="fuzz", vendor=name)).encode()
    state = load_state(MemorySource(files))
    result = validate(state)
    for name, fmt in FORMATS.items():
        out = fmt(result)
        _check_terminal_text(out)
        if name in ("json", "sarif"):
            _check_json(out)
        elif name == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif name in ("github", "text"):
            lines = [line for line in out.splitlines() if line]
            assert len(lines) == len(result.findings) + (1 if name == "text" else 0)  # one line per finding
    report = build_report(state, result, options={"history": False})
    assert report.data["errors"] == []
    _check_markdown(str(renderer("md").render(report)))
    html = str(renderer("html").render(report))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    delta = diff(snapshot(CLEAN_STATE), snapshot(state))
    _check_json(RENDER["json"](delta))
    text = RENDER["text"](delta)
    _check_terminal_text(text)
    added = [line for line in text.splitlines() if line.startswith("  + ")]
    assert len(added) == len(names)  # one line per added submission, whatever its name
