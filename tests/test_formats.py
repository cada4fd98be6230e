"""Every output format of `kaic validate`, on a small fictional repository.

The repository holds four submissions whose findings are known by construction:

- `acme`: clean.
- `beta`: productLogoUrl is a .png (logo-format, warning) and gauge_export's status is
  "Done" (invalid-status, error).
- `gamma`: kubernetesVersion has a patch part (kubernetes-version-format, info); its
  vendor name and contact e-mail hold terminal control characters (contact-email-invalid,
  warning).
- `d,e:f%`: a folder name with characters that GitHub properties must escape
  (product-folder-name, warning) and a placeholder website value holding `%`, `:`, `,`
  and a newline (metadata-placeholder, error).

So: 4 submissions, 2 with errors, 2 errors, 3 warnings, 1 note.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from kaic.formats import FORMATS
from kaic.lint import ValidationResult, validate
from kaic.load import load_state
from kaic.rules import RULES, Finding, Severity
from kaic.source import DirectorySource, SourceInfo

from .fixtures.builder import VERSION, answer, clean_product, dump, line_of, write_repo

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"
V = f"v{VERSION}"
ODD = f"{V}/d,e:f%"
GAMMA_VENDOR = "Gamma\x1b[31m Widgets\x07"
PLACEHOLDER = "[50%: a,b\nnext line]"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[ValidationResult, dict[str, str]]:
    root = tmp_path_factory.mktemp("formats") / "repo"
    beta = clean_product(name="beta", vendor="Beta Widgets")
    beta["metadata"]["productLogoUrl"] = "https://beta.example.com/logo.png"
    answer(beta, "gauge_export")["status"] = "Done"
    gamma = clean_product(name="gamma", vendor=GAMMA_VENDOR)
    gamma["metadata"]["kubernetesVersion"] = f"v{VERSION}.2"
    gamma["metadata"]["contactEmailAddress"] = "ops\x1b[2J at gamma"
    odd = clean_product(name="odd", vendor="Odd Widgets")
    odd["metadata"]["websiteUrl"] = PLACEHOLDER
    products = {f"{V}/acme": clean_product(), f"{V}/beta": beta, f"{V}/gamma": gamma, ODD: odd}
    write_repo(root, products)
    texts = {folder: dump(p) for folder, p in products.items()}
    state = load_state(DirectorySource(root, SourceInfo(location=str(root), kind="directory", commit="abc123")))
    return validate(state), texts


def test_fixture_findings_are_the_ones_built(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, texts = built
    got = [(f.path, f.line, f.severity, f.rule, f.requirement) for f in result.findings]
    beta, gamma, odd = texts[f"{V}/beta"], texts[f"{V}/gamma"], texts[ODD]
    assert got == [
        (f"{V}/beta/PRODUCT.yaml", line_of(beta, "productLogoUrl:"), Severity.WARNING, "logo-format", None),
        (f"{V}/beta/PRODUCT.yaml", line_of(beta, "status: Done"), Severity.ERROR, "invalid-status", "gauge_export"),
        (f"{ODD}/PRODUCT.yaml", 1, Severity.WARNING, "product-folder-name", None),
        (f"{ODD}/PRODUCT.yaml", line_of(odd, "websiteUrl:"), Severity.ERROR, "metadata-placeholder", None),
        (f"{V}/gamma/PRODUCT.yaml", line_of(gamma, "kubernetesVersion:"), Severity.INFO,
         "kubernetes-version-format", None),
        (f"{V}/gamma/PRODUCT.yaml", line_of(gamma, "contactEmailAddress:"), Severity.WARNING,
         "contact-email-invalid", None),
    ]


# -- text ---------------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>\S.*?/PRODUCT\.yaml):(?P<line>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z0-9-]+) (?P<msg>.+)$")


def test_text(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, _ = built
    out = FORMATS["text"](result, color=False)
    assert "\x1b" not in out and "\x07" not in out
    lines = out.rstrip("\n").split("\n")
    assert lines[-1] == "4 submissions checked, 2 with errors: 2 errors, 3 warnings, 1 info (policy kaic)"
    assert lines[-2] == ""
    body = lines[:-2]
    # grouped: one block per file, blocks separated by one blank line
    blocks = "\n".join(body).split("\n\n")
    assert len(blocks) == 3
    seen_paths = []
    for block in blocks:
        parsed = [LINE.match(line) for line in block.split("\n")]
        assert all(parsed), block
        paths = {m["path"] for m in parsed if m}
        assert len(paths) == 1
        seen_paths.append(paths.pop())
    assert seen_paths == [f"{V}/beta/PRODUCT.yaml", f"{ODD}/PRODUCT.yaml", f"{V}/gamma/PRODUCT.yaml"]
    flat = [LINE.match(line) for line in body if line]
    assert [(m["sev"], m["rule"], int(m["line"])) for m in flat if m] == [
        (f.severity.value, f.rule, f.line) for f in result.findings
    ]
    placeholder = next(m for m in flat if m and m["rule"] == "metadata-placeholder")
    assert "[50%: a,b next line]" in placeholder["msg"]  # the newline is folded


def test_text_colour_only_when_asked(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, _ = built
    coloured = FORMATS["text"](result, color=True)
    assert "\x1b[31merror\x1b[0m invalid-status" in coloured
    assert "\x1b[2J" not in coloured  # vendor text never reaches the terminal raw


def test_text_without_findings(tmp_path: Path) -> None:
    state = load_state(DirectorySource(write_repo(tmp_path / "r", {f"{V}/acme": clean_product()})))
    out = FORMATS["text"](validate(state))
    assert out == "1 submission checked, 0 with errors: 0 errors, 0 warnings, 0 info (policy kaic)\n"


# -- json ---------------------------------------------------------------------------------


def test_json(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, _ = built
    data = json.loads(FORMATS["json"](result))
    assert list(data) == ["kind", "schema_version", "kaic_version", "source", "summary", "policy", "submissions",
                          "findings"] and data["policy"] == "kaic"
    assert data["kind"] == "kaic-validate" and data["source"]["commit"] == "abc123"
    assert all(list(s) == ["path", "version", "vendor", "ok"] for s in data["submissions"])
    assert [(s["path"], s["version"], s["vendor"], s["ok"]) for s in data["submissions"]] == [
        (f"{V}/acme/PRODUCT.yaml", VERSION, "Acme Widgets", True),
        (f"{V}/beta/PRODUCT.yaml", VERSION, "Beta Widgets", False),
        (f"{ODD}/PRODUCT.yaml", VERSION, "Odd Widgets", False),
        (f"{V}/gamma/PRODUCT.yaml", VERSION, GAMMA_VENDOR, True),
    ]
    keys = ["rule", "severity", "path", "line", "requirement", "message", "hint", "upstream"]
    assert all(list(f) == keys for f in data["findings"])
    assert data["findings"] == [f.as_dict() for f in result.findings]
    assert data["findings"][1]["requirement"] == "gauge_export"
    assert data["findings"][1]["hint"] == RULES["invalid-status"].hint


# -- github -------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape_data(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _unescape_prop(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def test_github(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, _ = built
    out = FORMATS["github"](result)
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == len(result.findings)
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for line, finding in zip(lines, result.findings, strict=True):
        m = COMMAND.match(line)
        assert m, line
        assert m["level"] == levels[finding.severity]
        props = dict(p.split("=", 1) for p in m["props"].split(","))
        assert _unescape_prop(props["file"]) == finding.path
        assert int(props["line"]) == finding.line
        assert props["title"] == finding.rule
        data = _unescape_data(m["data"])
        assert data.startswith(finding.message.replace("\x1b", " ").replace("\x07", " "))
        assert finding.hint in data
    odd = lines[3]
    assert "file=v3.1/d%2Ce%3Af%25/PRODUCT.yaml," in odd
    assert "[50%25: a,b%0Anext line]" in odd  # data escapes %, CR and LF only
    assert "\x1b" not in out


# -- sarif --------------------------------------------------------------------------------

URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


def test_sarif_is_valid_sarif_2_1_0(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, _ = built
    log = json.loads(FORMATS["sarif"](result))
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for r in rules:
        rule = RULES[r["id"]]
        assert r["help"]["text"].strip() and rule.hint in r["help"]["text"]
        assert r["shortDescription"]["text"] == rule.summary
        assert r["defaultConfiguration"]["level"] == levels[rule.severity.value]
    results = run["results"]
    assert len(results) == len(result.findings)
    for res, finding in zip(results, result.findings, strict=True):
        assert res["ruleId"] == finding.rule
        assert rules[res["ruleIndex"]]["id"] == finding.rule
        assert res["level"] == levels[finding.severity.value]
        (loc,) = res["locations"]
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert URI_CHARS.match(uri) and unquote(uri) == finding.path
        assert loc["physicalLocation"]["region"]["startLine"] == finding.line >= 1
        assert finding.message.split("\n")[0] in res["message"]["text"]
    assert results[1]["properties"] == {"requirement": "gauge_export"}
    (prov,) = run["versionControlProvenance"]
    assert prov["revisionId"] == "abc123" and prov["repositoryUri"].startswith("file:///")


def test_sarif_start_line_is_at_least_one() -> None:
    info = SourceInfo(location="sample", kind="sample")
    finding = Finding("yaml-invalid", Severity.ERROR, "v9.9/x y/PRODUCT.yaml", None, None, "broken", "fix it")
    log = json.loads(FORMATS["sarif"](ValidationResult(info, (), (finding,))))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(log)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] == 1
    assert loc["artifactLocation"]["uri"] == "v9.9/x%20y/PRODUCT.yaml"
    assert "versionControlProvenance" not in log["runs"][0]  # no commit: nothing to claim


# -- junit --------------------------------------------------------------------------------


def test_junit(built: tuple[ValidationResult, dict[str, str]]) -> None:
    result, _ = built
    out = FORMATS["junit"](result)
    root = ET.fromstring(out.encode("utf-8"))  # control characters did not break the XML
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [s.path for s in result.submissions]
    n_rules = len(result.rules)
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(result.submissions) * n_rules
    assert root.get("tests") == str(len(cases)) and root.get("failures") == "2"
    for suite in suites:
        names = [c.get("name") for c in suite.findall("testcase")]
        assert names == list(result.rules) and suite.get("tests") == str(n_rules)
    failed = [(c.get("classname"), c.get("name")) for c in cases if c.find("failure") is not None]
    assert failed == [(f"{V}/beta/PRODUCT.yaml", "invalid-status"), (f"{ODD}/PRODUCT.yaml", "metadata-placeholder")]
    beta_failure = root.find("testsuite[@name='v3.1/beta/PRODUCT.yaml']/testcase[@name='invalid-status']/failure")
    assert beta_failure is not None and "Done" in (beta_failure.get("message") or "")
    # warnings and notes do not fail a test case; they are kept as output
    email = root.find("testsuite[@name='v3.1/gamma/PRODUCT.yaml']/testcase[@name='contact-email-invalid']")
    assert email is not None and email.find("failure") is None
    out_text = email.findtext("system-out") or ""
    assert "warning" in out_text and "\x1b" not in out_text


def test_every_format_handles_non_utf8_folder_names(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    bad = root / V / "caf\udce9"  # a name whose bytes are not UTF-8 (b"caf\xe9")
    bad.mkdir()
    (bad / "PRODUCT.yaml").write_text(dump(clean_product(name="cafe")))
    result = validate(load_state(DirectorySource(root)))
    assert [f.rule for f in result.findings] == ["product-folder-name"]
    for name, formatter in FORMATS.items():
        out = formatter(result)
        out.encode("utf-8")  # nothing unencodable is left
        assert "caf" in out, name
    assert "v3.1/caf%E9/PRODUCT.yaml" in FORMATS["sarif"](result)
