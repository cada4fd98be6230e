"""Evidence quality: what each evidence item is, and how well each submission is backed.

Each item is classified from its form alone (a link's host and path, a local file's
name and content), never from what the vendor says about it:

- test code or test output in a repository (`.../test_procedure.sh`, `.../e2e/*.go`,
  `.../test_result.log`) or in the submission folder;
- JUnit XML or go-test / Ginkgo output (`<testsuite`, `--- PASS`, `Ran 8 of 7144 Specs`);
- a command transcript or walkthrough (a Markdown procedure, a gist, a repository folder);
- a shared document (Google Docs and the like: content not verifiable from the link);
- product documentation; a blog post or marketing page;
- an image only; a broken local path (missing, outside the folder, a link); empty.

Each requirement is graded first, by its best item: *tests* (test code or output),
*walkthrough* (a procedure or transcript), *conformance page* (a vendor page written
for the conformance program: documentation whose path names `conformance_page_words`),
*documentation* (product documentation or a shared document), *generic* (a blog or
marketing page, another link, or only an open-source project's home page) or *none*.
A submission is then graded by the share of its claimed requirements (Implemented or
Partially Implemented) at each level, against the `grading` shares of data/evidence.yaml:
*reproducible tests* when at least `tests` of them have tests, *walkthroughs* when at
least `walkthroughs` have tests or walkthroughs, *mostly documentation* when anything else
backs them, *no usable evidence* otherwise. The reason names the counts and the share.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from .._yaml import load_data
from ..model import Evidence, EvidenceKind, Status, Submission
from ..project_pages import project_home
from ..source import EntryKind, Tree
from ..words import plural
from .localfiles import IMAGE_EXTENSIONS, LocalFile, extension
from .urls import URL_IN_TEXT, parse


class EvidenceClass(StrEnum):
    TEST_REPO = "test-in-repository"
    TEST_FOLDER = "test-in-folder"
    TEST_REPORT = "junit-or-go-test"
    WALKTHROUGH = "walkthrough"
    SHARED_DOC = "shared-document"
    DOCUMENTATION = "documentation"
    BLOG = "blog-or-marketing"
    OTHER = "other-link"
    IMAGE = "image-only"
    BROKEN = "broken-local-path"
    EMPTY = "empty"


CLASS_LABELS: dict[EvidenceClass, str] = {
    EvidenceClass.TEST_REPO: "test code or output in a repository",
    EvidenceClass.TEST_FOLDER: "test code or output in the submission folder",
    EvidenceClass.TEST_REPORT: "JUnit or go-test output",
    EvidenceClass.WALKTHROUGH: "command transcript or walkthrough",
    EvidenceClass.SHARED_DOC: "shared document",
    EvidenceClass.DOCUMENTATION: "product documentation",
    EvidenceClass.BLOG: "blog or marketing",
    EvidenceClass.OTHER: "other link",
    EvidenceClass.IMAGE: "image only",
    EvidenceClass.BROKEN: "broken local path",
    EvidenceClass.EMPTY: "empty",
}

TEST_CLASSES = frozenset({EvidenceClass.TEST_REPO, EvidenceClass.TEST_FOLDER, EvidenceClass.TEST_REPORT})
_RANK = {
    EvidenceClass.TEST_REPORT: 9,
    EvidenceClass.TEST_REPO: 8,
    EvidenceClass.TEST_FOLDER: 8,
    EvidenceClass.WALKTHROUGH: 6,
    EvidenceClass.SHARED_DOC: 5,
    EvidenceClass.DOCUMENTATION: 4,
    EvidenceClass.BLOG: 3,
    EvidenceClass.OTHER: 2,
    EvidenceClass.IMAGE: 1,
    EvidenceClass.BROKEN: 0,
    EvidenceClass.EMPTY: 0,
}


class Grade(StrEnum):
    TESTS = "reproducible-tests"
    WALKTHROUGHS = "walkthroughs"
    DOCUMENTATION = "documentation-only"
    NONE = "no-usable-evidence"


GRADE_LABELS = {
    Grade.TESTS: "reproducible test evidence",
    Grade.WALKTHROUGHS: "walkthroughs",
    Grade.DOCUMENTATION: "mostly documentation",
    Grade.NONE: "no usable evidence",
}

# Requirement levels, best first, and their labels.
LEVELS = ("tests", "walkthrough", "conformance-page", "documentation", "generic", "none")
LEVEL_LABELS = {
    "tests": "with test code or output",
    "walkthrough": "with a walkthrough",
    "conformance-page": "with a vendor conformance page",
    "documentation": "with product documentation",
    "generic": "with generic pages only",
    "none": "without usable evidence",
}

# -- classifying one item ---------------------------------------------------------------

_GO_TEST = re.compile(
    r"^(?:---\s(?:PASS|FAIL|SKIP):|===\sRUN\s|ok\s+\S+\s+\d|FAIL\s+\S+\s+\d)|Ran\s\d+\sof\s\d+\sSpecs"
    r"|Test Suite (?:Passed|Failed)|<testsuites?[\s>]",
    re.MULTILINE,
)
_TRANSCRIPT = re.compile(r"^\s*(?:\$\s|kubectl\s|helm\s|```)", re.MULTILINE)
_REPO_PATH = re.compile(r"^/([^/]+)/([^/]+)(?:/(blob|tree|raw)/([^/]+)(/.*)?)?/?$")
_RAW_PATH = re.compile(r"^/([^/]+)/([^/]+)/(?:refs/heads/)?([^/]+)(/.*)?$")


@dataclass(frozen=True)
class Vocabulary:
    """The words that classify evidence by form (data/evidence.yaml)."""

    code_hosts: frozenset[str]
    raw_hosts: frozenset[str]
    snippet_hosts: frozenset[str]
    code_host_non_content: frozenset[str]
    shared_document_hosts: frozenset[str]
    blog_hosts: frozenset[str]
    blog_host_labels: frozenset[str]
    blog_segments: frozenset[str]
    marketing_segments: frozenset[str]
    locale_segments: frozenset[str]
    docs_segments: frozenset[str]
    docs_host_labels: frozenset[str]
    test_segments: frozenset[str]
    code_extensions: frozenset[str]
    output_extensions: frozenset[str]
    doc_extensions: frozenset[str]
    conformance_page_words: frozenset[str] = frozenset()
    grade_tests: float = 0.5  # share of claims with tests for "reproducible tests"
    grade_walkthroughs: float = 0.5  # share of claims with tests or walkthroughs for "walkthroughs"

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> Vocabulary:
        grading = data.get("grading") or {}
        words = {f: frozenset(str(x).lower() for x in data.get(f) or ()) for f in cls.__dataclass_fields__
                 if not f.startswith("grade_")}
        return cls(**words, grade_tests=float(grading.get("tests", 0.5)),
                   grade_walkthroughs=float(grading.get("walkthroughs", 0.5)))


VOCABULARY_PATH = Path(__file__).resolve().parent.parent / "data" / "evidence.yaml"


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (its schema is checked by the tests, not on every run)."""
    return Vocabulary.parse(load_data(VOCABULARY_PATH.read_text(encoding="utf-8")))


def _on(host: str, hosts: frozenset[str]) -> bool:
    return host in hosts or any(host.endswith("." + h) for h in hosts)


def _repo_file_class(path: str, folder: bool) -> EvidenceClass:
    """A file or folder inside a code repository, by its path."""
    segments = [s.lower() for s in path.strip("/").split("/") if s]
    name = segments[-1] if segments else ""
    ext = extension(name) if not folder else ""
    words = vocabulary()
    in_tests = any(s in words.test_segments for s in segments[:-1])
    if ext == "xml" and ("junit" in name or "result" in name or "report" in name):
        return EvidenceClass.TEST_REPORT
    if ext in words.output_extensions or (ext in ("json", "xml") and ("result" in name or "output" in name)):
        return EvidenceClass.TEST_REPO
    if ext in words.code_extensions or name.endswith("_test.go") or name.startswith("test_") or (
        in_tests and ext in ("yaml", "yml", "json")
    ):
        return EvidenceClass.TEST_REPO
    if folder or ext in words.doc_extensions or not ext:
        return EvidenceClass.WALKTHROUGH
    if ext in IMAGE_EXTENSIONS:
        return EvidenceClass.IMAGE
    return EvidenceClass.WALKTHROUGH


def classify_url(raw: str) -> EvidenceClass:
    url = parse(raw)
    if url is None:
        return EvidenceClass.OTHER
    host, path = url.host, url.path
    words = vocabulary()
    if _on(host, words.snippet_hosts):
        return EvidenceClass.WALKTHROUGH
    if _on(host, words.code_hosts):
        m = _REPO_PATH.match(path)
        if m and m.group(3):
            return _repo_file_class(m.group(5) or "", folder=m.group(3) == "tree" and not extension(m.group(5) or ""))
        parts = [p for p in path.split("/") if p]
        if len(parts) > 2 and parts[2].lower() in words.code_host_non_content:
            return EvidenceClass.OTHER
        return EvidenceClass.DOCUMENTATION  # a repository's front page: its README
    if _on(host, words.raw_hosts):
        m = _RAW_PATH.match(path)
        return _repo_file_class(m.group(4) or "", folder=False) if m else EvidenceClass.OTHER
    if _on(host, words.shared_document_hosts):
        return EvidenceClass.SHARED_DOC
    labels = host.split(".")
    segments = [s.lower() for s in path.split("/") if s]
    if labels[0] in words.blog_host_labels or _on(host, words.blog_hosts):
        return EvidenceClass.BLOG
    head = segments[1:3] if segments and segments[0] in words.locale_segments else segments[:2]
    if any(s in words.blog_segments for s in head):
        return EvidenceClass.BLOG
    if extension(path) in IMAGE_EXTENSIONS:
        return EvidenceClass.IMAGE
    docs_like = any(s in words.docs_segments for s in segments) or labels[0] in words.docs_host_labels
    if not docs_like and (extension(path) == "pdf" or any(s in words.marketing_segments for s in head)):
        return EvidenceClass.BLOG
    return EvidenceClass.DOCUMENTATION


def classify_local_text(local: LocalFile) -> EvidenceClass:
    """A readable (or refused) regular file in the submission folder."""
    ext = local.extension
    name = posixpath.basename(local.path).lower()
    if local.kind == "image":
        return EvidenceClass.IMAGE
    if local.kind in ("link", "special"):
        return EvidenceClass.BROKEN
    text = local.text
    named = "junit" in name or "result" in name
    if ext == "xml" and ((text is None and named) or (text is not None and "<testsuite" in text[:20000])):
        return EvidenceClass.TEST_REPORT
    if text is not None and _GO_TEST.search(text):
        return EvidenceClass.TEST_REPORT
    words = vocabulary()
    if ext in words.output_extensions or ext in ("xml", "json") or ext in words.code_extensions \
            or name.endswith("_test.go"):
        return EvidenceClass.TEST_FOLDER
    if ext in words.doc_extensions or ext in ("html", "htm"):
        return EvidenceClass.WALKTHROUGH
    return EvidenceClass.OTHER


def classify_local(ev: Evidence, tree: Tree, files: Mapping[str, LocalFile]) -> EvidenceClass:
    if ev.outside or not ev.resolved:
        return EvidenceClass.BROKEN
    path = ev.resolved.rstrip("/")
    entry = tree.get(path)
    if entry is None:
        return EvidenceClass.BROKEN
    if entry.kind is EntryKind.DIR:
        inside = [f for p, f in files.items() if p.startswith(path + "/")]
        classes = [classify_local_text(f) for f in inside]
        return best(classes) if classes else EvidenceClass.BROKEN
    local = files.get(path)
    if local is None:
        return EvidenceClass.BROKEN
    return classify_local_text(local)


def best(classes: list[EvidenceClass]) -> EvidenceClass:
    return max(classes, key=lambda c: _RANK[c]) if classes else EvidenceClass.EMPTY


@dataclass(frozen=True)
class Item:
    requirement: str
    raw: str
    line: int | None
    source: str  # "evidence" or "notes" (a link written in the notes)
    cls: EvidenceClass

    def as_dict(self) -> dict[str, Any]:
        return {"requirement": self.requirement, "evidence": self.raw, "line": self.line,
                "source": self.source, "class": self.cls.value}


@dataclass(frozen=True)
class RequirementEvidence:
    requirement: str
    status: str
    best: EvidenceClass
    items: tuple[Item, ...]
    level: str = "none"  # one of LEVELS (see level_of)


def _conformance_page(raw: str) -> bool:
    url = parse(raw)
    if url is None:
        return False
    words = vocabulary().conformance_page_words
    name = url.path.lower()
    return any(w in name for w in words)


def _project_home(raw: str) -> bool:
    """An open-source project's own home page (its site or repository root, README, docs root)."""
    return project_home(raw) is not None


def level_of(items: tuple[Item, ...]) -> str:
    """A requirement's level: its best item, read as tests > walkthrough > conformance
    page > documentation > generic > none."""
    classes = {i.cls for i in items}
    if classes & TEST_CLASSES:
        return "tests"
    if EvidenceClass.WALKTHROUGH in classes:
        return "walkthrough"
    docs = [i for i in items if i.cls in (EvidenceClass.DOCUMENTATION, EvidenceClass.SHARED_DOC)]
    if any(i.cls is EvidenceClass.DOCUMENTATION and _conformance_page(i.raw) for i in docs):
        return "conformance-page"
    if any(not _project_home(i.raw) for i in docs):
        return "documentation"
    if docs or classes & {EvidenceClass.BLOG, EvidenceClass.OTHER}:
        return "generic"
    return "none"


@dataclass(frozen=True)
class EvidenceReport:
    path: str
    requirements: tuple[RequirementEvidence, ...]
    folder_classes: tuple[tuple[str, EvidenceClass], ...]  # every local file and its class
    grade: Grade
    reason: str

    def counts(self) -> Counter[EvidenceClass]:
        return Counter(i.cls for r in self.requirements for i in r.items if i.source == "evidence")


_CLAIMS = (Status.IMPLEMENTED, Status.PARTIAL)


def assess(sub: Submission, tree: Tree, files: Mapping[str, LocalFile]) -> EvidenceReport:
    reqs: list[RequirementEvidence] = []
    for answer in sub.answers:
        items: list[Item] = []
        for ev in answer.evidence:
            if ev.kind is EvidenceKind.URL:
                cls = classify_url(ev.target)
            elif ev.kind in (EvidenceKind.FILE, EvidenceKind.PATH):
                cls = classify_local(ev, tree, files)
            else:
                cls = EvidenceClass.EMPTY
            items.append(Item(answer.id, ev.raw, ev.line, "evidence", cls))
        for m in URL_IN_TEXT.finditer(answer.notes or ""):
            items.append(Item(answer.id, m.group(0), answer.notes_line, "notes", classify_url(m.group(0))))
        reqs.append(RequirementEvidence(answer.id, answer.status.value, best([i.cls for i in items]), tuple(items),
                                        level_of(tuple(items))))
    folder = tuple((p, classify_local_text(f)) for p, f in sorted(files.items()))
    grade, reason = _grade(sub, reqs, folder)
    return EvidenceReport(sub.path, tuple(reqs), folder, grade, reason)


def _share(x: float) -> str:
    return f"{x:.0%}"


def _grade(sub: Submission, reqs: list[RequirementEvidence],
           folder: tuple[tuple[str, EvidenceClass], ...]) -> tuple[Grade, str]:
    claims = [r for r in reqs if Status(r.status) in _CLAIMS] if reqs else []
    if not claims:
        return Grade.NONE, "no requirement is claimed as Implemented or Partially Implemented"
    n = len(claims)
    counts = Counter(r.level for r in claims)
    tail = ", ".join(f"{counts[lv]} {LEVEL_LABELS[lv]}" for lv in LEVELS if counts[lv])
    procedures = sum(1 for _, c in folder if c in TEST_CLASSES or c is EvidenceClass.WALKTHROUGH)
    if procedures and not (counts["tests"] or counts["walkthrough"]):
        tail += f"; the folder holds {plural(procedures, 'procedure or test file')} no claim links"
    words = vocabulary()
    tests = counts["tests"]
    walks = tests + counts["walkthrough"]
    of_n = f"of {n} claimed requirement{'s' if n != 1 else ''}"
    if tests / n >= words.grade_tests:
        return Grade.TESTS, (f"{tests} {of_n} have test code or output, at least the {_share(words.grade_tests)} "
                             f"needed ({tail})")
    if walks / n >= words.grade_walkthroughs:
        return Grade.WALKTHROUGHS, (f"{walks} {of_n} have tests or walkthroughs, at least the "
                                    f"{_share(words.grade_walkthroughs)} needed ({tail})")
    if n - counts["none"]:
        return Grade.DOCUMENTATION, (f"{walks} {of_n} have tests or walkthroughs, under the "
                                     f"{_share(words.grade_walkthroughs)} needed for walkthroughs ({tail})")
    return Grade.NONE, f"none of the {n} claimed requirements has usable evidence ({tail})"
