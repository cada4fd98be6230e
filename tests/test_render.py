"""`kaic render`: Markdown for submissions and checklists, escaped vendor text, drift checks."""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.load import load_state
from kaic.render import render_checklist, render_product
from kaic.source import open_source

from . import corpus_facts as facts
from .conftest import MAIN
from .fixtures.builder import SPEC, VERSION, answer, clean_product, write_repo

runner = CliRunner()
V = f"v{VERSION}"
COLUMNS = ("Implemented", "Partially Implemented", "Not Implemented", "N/A")


def overview_row(text: str, level: str) -> list[str]:
    row = next(line for line in text.splitlines() if line.startswith(f"| {level} |"))
    return [c.strip() for c in row.strip("|").split("|")][1:]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    hostile = clean_product(name="hostile", vendor="Evil <script>alert(1)</script> | Corp")
    hostile["metadata"]["platformName"] = "# Not a heading\n[click](javascript:alert(1))"
    answer(hostile, "widget_sharing")["notes"] = "<img src=x onerror=alert(1)> ![i](http://x/i.png) | cell"
    answer(hostile, "widget_sharing")["evidence"] = ["javascript:alert(1)", "https://ok.example.com/a", "run.log"]
    answer(hostile, "dra_claims")["status"] = ""
    answer(hostile, "trace_hint")["status"] = "N/A"
    answer(hostile, "gauge_export")["status"] = "Done"
    return write_repo(tmp_path / "repo", {f"{V}/acme": clean_product(), f"{V}/hostile": hostile})


def test_vendor_text_is_escaped(repo: Path) -> None:
    state = load_state(open_source(str(repo)))
    sub = next(s for s in state.submissions if s.product == "hostile")
    text = render_product(sub, state.checklist_for(sub))
    for raw in ("<script>", "<img", "\n# Not a heading"):
        assert raw not in text
    assert not re.search(r"(?<!\\)\]\((?!https://)", text)  # no link but kaic's own https ones
    assert not re.search(r"(?<!\\)!\[", text)  # no image
    assert "&lt;script&gt;" in text and "\\[click\\]" in text
    # a plain https link stays a link; javascript: is words, never a link
    assert "- Links: [https://ok.example.com/a](https://ok.example.com/a)" in text
    assert "- Text: javascript:alert(1)" in text
    assert "- Files: `run.log`" in text
    assert overview_row(text, "MUST") == ["1", "0", "0", "0", "0", "1", "2"]  # widget Implemented, gauge "Done"
    assert overview_row(text, "SHOULD") == ["0", "0", "0", "1", "1", "0", "2"]  # trace N/A, dra unanswered


def test_checklist_rendering_lists_every_requirement(repo: Path) -> None:
    state = load_state(open_source(str(repo)))
    text = render_checklist(state.checklists[VERSION])
    for items in SPEC.values():
        for rid, level, description in items:
            assert f"| `{rid}` | {level} | " in text
            assert re.sub(r"([()])", r"", description)[:20] in re.sub(r"([()])", r"", text)


def test_render_writes_and_check_detects_drift(repo: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", "--source", str(repo)])
    assert result.exit_code == 0, result.stderr
    written = sorted(str(p.relative_to(repo)) for p in repo.rglob("*.md"))
    assert written == [f"docs/AIConformance-{VERSION}.md", f"{V}/acme/PRODUCT.md", f"{V}/hostile/PRODUCT.md"]
    assert runner.invoke(app, ["render", "--source", str(repo), "--check"]).exit_code == 0

    md = repo / f"{V}/acme/PRODUCT.md"
    md.write_text(md.read_text().replace("Implemented", "Implemenred", 1))
    result = runner.invoke(app, ["render", "--source", str(repo), "--check"])
    assert result.exit_code == 1 and f"{V}/acme/PRODUCT.md: differs at line" in result.stderr
    md.unlink()
    result = runner.invoke(app, ["render", "--source", str(repo), "--check"])
    assert result.exit_code == 1 and f"{V}/acme/PRODUCT.md: missing" in result.stderr
    assert runner.invoke(app, ["render", "--source", str(repo)]).exit_code == 0
    (repo / f"{V}/hostile/PRODUCT.yaml").unlink()
    result = runner.invoke(app, ["render", "--source", str(repo), "--check"])
    assert result.exit_code == 1 and f"{V}/hostile/PRODUCT.md: stale" in result.stderr

    md.unlink()
    out = tmp_path / "out"
    assert runner.invoke(app, ["render", "--source", str(repo), "--out", str(out)]).exit_code == 0
    assert (out / f"{V}/acme/PRODUCT.md").is_file() and not md.exists()
    assert runner.invoke(app, ["render", "--source", "sample"]).exit_code == 2  # never into the package


# -- the corpus -----------------------------------------------------------------------------------


@pytest.mark.corpus
def test_render_every_corpus_submission(corpus_checkout: Path, tmp_path: Path) -> None:
    data = subprocess.run(["git", "-C", str(corpus_checkout), "archive", "--format=tar", MAIN],
                          check=True, capture_output=True, timeout=60).stdout
    root = tmp_path / "repo"
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(root, filter="data")
    assert runner.invoke(app, ["render", "--source", str(root)]).exit_code == 0

    statuses = facts.STATUSES["main"]
    assert len(statuses) == facts.SUBMISSION_COUNTS["main"]
    for path, answers in statuses.items():
        text = (root / path.replace(".yaml", ".md")).read_text(encoding="utf-8")
        version = path.split("/")[0]
        levels = facts.CHECKLIST_LEVELS[version]
        for rid in levels:
            assert f"### `{rid}`" in text
        for level in ("MUST", "SHOULD"):
            ids = [r for r, lv in levels.items() if lv == level]
            got = [answers.get(r) for r in ids]
            want = [sum(1 for s in got if s == c) for c in COLUMNS]
            want += [sum(1 for s in got if not s), sum(1 for s in got if s and s not in COLUMNS), len(ids)]
            assert overview_row(text, level) == [str(n) for n in want], (path, level)
    for version in facts.CHECKLIST_LEVELS:
        assert (root / f"docs/AIConformance-{version[1:]}.md").is_file()

    assert runner.invoke(app, ["render", "--source", str(root), "--check"]).exit_code == 0
    target = root / "v1.34/gke/PRODUCT.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("Google", "Goog1e", 1), encoding="utf-8")
    result = runner.invoke(app, ["render", "--source", str(root), "--check"])
    assert result.exit_code == 1
    drift = [line for line in result.stderr.splitlines()[:-1] if not line.startswith("kaic: reading ")]
    assert [line.split(":")[0] for line in drift] == ["v1.34/gke/PRODUCT.md"]
