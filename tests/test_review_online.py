"""`kaic review` with its online checks, end to end against a real server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app
from kaic.review.data import RESULT_SCHEMA_PATH
from tests.fixtures.builder import (
    VERSION,
    clean_product,
    commit_all,
    git,
    git_init,
    line_of,
    write_repo,
)
from tests.fixtures.loopback import Reply, Request, serve

pytestmark = pytest.mark.timeout(60)
runner = CliRunner()
V = f"v{VERSION}"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'
LANDSCAPE = """\
landscape:
- category:
    name: CNCF Members
    subcategories:
    - subcategory:
        name: Platinum
        items:
        - item:
            name: Acme Widgets (member)
"""


def _site(req: Request) -> Reply:
    if req.path == "/logo.svg":
        return Reply(200, {"Content-Type": "image/svg+xml"}, SVG)
    if req.path.endswith("gauge_export"):
        return Reply(404)
    if req.path.endswith("trace_hint"):
        return Reply(403)
    return Reply(200, body=b"<html>evidence</html>")


def test_review_online_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    landscape = tmp_path / "landscape.yml"
    landscape.write_text(LANDSCAPE, encoding="utf-8")
    k8s = tmp_path / "k8s-conformance" / V / "acme"
    k8s.mkdir(parents=True)
    with serve(_site) as srv:
        root = write_repo(tmp_path / "repo", {})
        git_init(root)
        commit_all(root, "base: the checklist only")
        git(root, "checkout", "-q", "-b", "pr")
        text = yaml.safe_dump(clean_product(), sort_keys=False, width=1000).replace("https://acme.example.com", srv.url)
        (root / V / "acme").mkdir(parents=True)
        (root / V / "acme" / "PRODUCT.yaml").write_text(text, encoding="utf-8")
        commit_all(root, "acme")
        args = ["review", "--base", "main", "-s", str(root), "--allow-host", "127.0.0.1", "--landscape", str(landscape),
                "--k8s-conformance", str(tmp_path / "k8s-conformance"), "--no-cache", "--budget", "20"]
        result = runner.invoke(app, [*args, "-f", "json"])
        md = runner.invoke(app, args).stdout
        reached = len(srv.requests)
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    schema = json.loads(RESULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(doc)] == []
    assert doc["online"] is True and reached > 0
    by_url = {x["url"]: x for x in doc["links"]}
    assert by_url[srv.url + "/evidence/gauge_export"]["class"] == "broken"
    assert by_url[srv.url + "/evidence/trace_hint"]["class"] == "blocked"
    assert by_url[srv.url + "/evidence/widget_sharing"]["class"] == "ok"
    broken = [f for f in doc["findings"] if f["rule"] == "link-broken"]
    assert [(f["line"], f["requirement"], f["severity"]) for f in broken] == [
        (line_of(text, "/evidence/gauge_export"), "gauge_export", "error")]
    assert {"links-unverified", "links-broken", "changes-needed"} <= set(doc["labels"])
    row = next(line for line in md.splitlines() if line.startswith("| `gauge_export`"))
    assert "1 broken" in row and "link-broken" in row
    assert "online checks ran" in md
