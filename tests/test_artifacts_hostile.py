"""Hostile artifacts: each becomes a finding on its submission, in bounded time and memory."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kaic.artifacts import ARTIFACT_MAX_BYTES, parse_bytes
from kaic.artifacts._text import MAX_LINE_BYTES
from kaic.rules import Severity

from .fixtures.artifacts import Run
from .test_artifact_rules import GANG, OLD, answer, check, product

pytestmark = pytest.mark.timeout(60)

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + ']>\n<testsuites><testsuite name="x"><testcase name="&lol9;"/></testsuite></testsuites>\n'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
    '<testsuite name="x"><testcase name="TestGangScheduling"><failure message="&secret;"/></testcase></testsuite>\n'
)


def cite(tmp: Path, name: str, content: bytes | str | None = None, setup=None):  # type: ignore[no-untyped-def]
    p = product(OLD)
    answer(p, "gang_scheduling")["evidence"] = [f"file://{name}#{GANG.test}"]
    files = {} if content is None else {name: content}
    return check(tmp, p, files, OLD, setup)


@pytest.mark.parametrize(("xml", "words"), [(BILLION_LAUGHS, "DTD"), (EXTERNAL_ENTITY, "DTD")])
def test_entity_attacks_are_unparsable_not_expanded(tmp_path: Path, xml: str, words: str) -> None:
    start = time.monotonic()
    r = cite(tmp_path, "junit.xml", xml)
    assert time.monotonic() - start < 10
    (finding,) = [f for f in r.findings if f.rule == "artifact-unparsable"]
    assert words in finding.message
    assert not [f for f in r.findings if f.rule in ("artifact-failing-tests", "artifact-test-failed")]
    host = Path("/etc/hostname")
    if host.exists() and host.read_text().strip():
        assert host.read_text().strip() not in finding.message


def test_huge_log_is_refused_unread(tmp_path: Path) -> None:
    def sparse(folder: Path) -> None:
        with (folder / "e2e.log").open("wb") as fh:
            fh.truncate(2 * 1024 * 1024 * 1024)  # 2 GB of nothing, never read

    start = time.monotonic()
    r = cite(tmp_path, "e2e.log", setup=sparse)
    assert time.monotonic() - start < 10
    (finding,) = [f for f in r.findings if f.rule == "artifact-unparsable"]
    assert f"over the {ARTIFACT_MAX_BYTES}-byte limit" in finding.message
    assert finding.severity is Severity.ERROR and finding.upstream is None  # kaic's refusal, not upstream's


def test_long_json_line_is_refused() -> None:
    """A line over MAX_LINE_BYTES (a 100 MB line is also over the file cap) stops the parser."""
    line = b'{"Action":"output","Package":"p","Output":"' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n'
    start = time.monotonic()
    reading = parse_bytes("results.json", line + b'{"Action":"pass","Test":"T","Package":"p"}\n')
    assert time.monotonic() - start < 5
    assert reading.parsed is None and "line 1 is longer than" in (reading.error or "")


def test_hundred_megabyte_json_line_file(tmp_path: Path) -> None:
    def big(folder: Path) -> None:  # written lazily, in chunks
        with (folder / "results.json").open("wb") as fh:
            fh.write(b'{"Action":"output","Output":"')
            chunk = b"y" * (1024 * 1024)
            for _ in range(100):
                fh.write(chunk)
            fh.write(b'"}\n')

    r = cite(tmp_path, "results.json", setup=big)
    (finding,) = [f for f in r.findings if f.rule == "artifact-unparsable"]
    assert "over the" in finding.message


def test_binary_garbage_named_junit(tmp_path: Path) -> None:
    r = cite(tmp_path, "junit.xml", bytes(range(256)) * 64)
    (finding,) = [f for f in r.findings if f.rule == "artifact-unparsable"]
    assert "junit.xml" in finding.message and finding.line is not None


def test_deeply_nested_json_named_results(tmp_path: Path) -> None:
    r = cite(tmp_path, "results.json", "[" * 200_000)
    assert [f.rule for f in r.findings if f.rule.startswith("artifact-")] == ["artifact-unparsable"]


def test_symlink_named_results_json_is_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.json"
    outside.write_text(Run().add(GANG.test, "fail").ndjson())

    def link(folder: Path) -> None:
        (folder / "results.json").symlink_to(outside)

    r = cite(tmp_path / "repo-parent", "results.json", setup=link)
    rules = [f.rule for f in r.findings if f.requirement == "gang_scheduling"]
    assert rules == ["local-evidence-link"]  # not read: no test outcome from it


def test_one_bad_artifact_does_not_stop_the_run(tmp_path: Path) -> None:
    p = product(OLD)
    answer(p, "gang_scheduling")["evidence"] = ["junit.xml"]
    answer(p, "robust_controller")["evidence"] = ["e2e.log"]
    r = check(tmp_path, p, {"junit.xml": BILLION_LAUGHS, "e2e.log": Run().add("TestX", "fail").verbose()}, OLD)
    rules = sorted(f.rule for f in r.findings if f.rule.startswith("artifact-"))
    assert rules == ["artifact-failing-tests", "artifact-unparsable"]
