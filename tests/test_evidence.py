"""Evidence classification and grading, on links and files written here."""

from __future__ import annotations

import pytest

from kaic.components.evidence import EvidenceClass as C
from kaic.components.evidence import Grade, assess, classify_local_text, classify_url
from kaic.components.localfiles import LocalFile
from kaic.model import parse_submission
from kaic.source import Entry, EntryKind


@pytest.mark.parametrize(("url", "cls"), [
    ("https://github.com/acme/ai-conformance/blob/main/v1.34/gang/test_procedure.sh", C.TEST_REPO),
    ("https://github.com/acme/ai-conformance/blob/main/v1.34/gang/test_result.log", C.TEST_REPO),
    ("https://github.com/acme/conf/blob/0123abc/e2e/ai/networking.go#L16", C.TEST_REPO),
    ("https://github.com/acme/conf/blob/main/results/junit_01.xml", C.TEST_REPORT),
    ("https://github.com/acme/conf/blob/main/v1.34/gang/README.md", C.WALKTHROUGH),
    ("https://github.com/acme/conf/tree/main/ai-conformance/v1.34/secure_accelerator_access", C.WALKTHROUGH),
    ("https://raw.githubusercontent.com/acme/stack/refs/heads/main/docs/specs/gang.md", C.WALKTHROUGH),
    ("https://gist.github.com/someone/c70e240cc5cafe998ac8fb85e9b64631", C.WALKTHROUGH),
    ("https://github.com/kubernetes-sigs/metrics-server", C.DOCUMENTATION),
    ("https://github.com/cncf/k8s-conformance/pull/3718", C.OTHER),
    ("https://docs.google.com/document/d/abc/edit?usp=sharing", C.SHARED_DOC),
    ("https://blog.example.com/moving-beyond-ingress/", C.BLOG),
    ("https://blogs.example.com/developers/post/verifying-gpu-isolation", C.BLOG),
    ("https://aws.example.com/blogs/containers/scaling-llm/", C.BLOG),
    ("https://www.example.com/products/kubernetes-engine/", C.BLOG),
    ("https://www.example.com/in/a/docs/cloud/accelerate-ai.pdf", C.DOCUMENTATION),
    ("https://www.example.com/brochure/accelerate-ai.pdf", C.BLOG),
    ("https://docs.example.com/kubernetes/how-to/set-up-dra", C.DOCUMENTATION),
    ("https://learn.example.com/azure/aks/kueue-overview", C.DOCUMENTATION),
    ("not a url", C.OTHER),
])
def test_links(url: str, cls: C) -> None:
    assert classify_url(url) is cls


@pytest.mark.parametrize(("path", "text", "cls"), [
    ("v/x/e2e.log", "Ran 8 of 7144 Specs in 785.430 seconds\nSUCCESS! -- 8 Passed\n", C.TEST_REPORT),
    ("v/x/out.txt", "=== RUN   TestGang\n--- PASS: TestGang (1.2s)\nok  example.com/e2e 3.1s\n", C.TEST_REPORT),
    ("v/x/junit.xml", '<?xml version="1.0"?><testsuites><testsuite name="ai"/></testsuites>', C.TEST_REPORT),
    ("v/x/run.log", "installed the chart\n", C.TEST_FOLDER),
    ("v/x/test.sh", "#!/bin/sh\nkubectl apply -f job.yaml\n", C.TEST_FOLDER),
    ("v/x/walkthrough.md", "# Steps\n\n```bash\nkubectl get pods\n```\n", C.WALKTHROUGH),
])
def test_local_files(path: str, text: str, cls: C) -> None:
    assert classify_local_text(LocalFile(path, len(text), "text", text)) is cls


def test_oversize_junit_is_classified_by_name() -> None:
    big = LocalFile("v/x/junit_01.xml", 3_000_000, "text", None, refused="larger than 1048576 bytes; not read")
    assert classify_local_text(big) is C.TEST_REPORT


def _sub(evidence: list[str], notes: str = "", status: str = "Implemented") -> bytes:
    items = "\n".join(f'        - "{e}"' for e in evidence)
    return (
        "metadata:\n  vendorName: V\nspec:\n  operator:\n    - id: robust_controller\n"
        f'      level: MUST\n      status: "{status}"\n      notes: "{notes}"\n      evidence:\n{items}\n'
        "    - id: gang_scheduling\n      level: MUST\n      status: Implemented\n"
        '      evidence:\n        - "https://docs.example.com/gang"\n'
    ).encode()


def test_grades_and_reasons() -> None:
    tree = {"v1.99/x/PRODUCT.yaml": Entry("v1.99/x/PRODUCT.yaml", EntryKind.FILE, 10),
            "v1.99/x/steps.md": Entry("v1.99/x/steps.md", EntryKind.FILE, 10)}
    files = {"v1.99/x/steps.md": LocalFile("v1.99/x/steps.md", 10, "text", "# steps\n")}

    tests = assess(parse_submission("v1.99/x/PRODUCT.yaml", _sub(
        ["https://github.com/a/b/blob/main/run/test_result.log"])), tree, files)
    assert tests.grade is Grade.TESTS
    assert tests.reason.startswith("1 of 2 claimed requirements have test code or output, at least the 50% needed")

    walk = assess(parse_submission("v1.99/x/PRODUCT.yaml", _sub(["steps.md"])), tree, files)
    assert walk.grade is Grade.WALKTHROUGHS
    assert [i.cls for r in walk.requirements for i in r.items] == [C.WALKTHROUGH, C.DOCUMENTATION]

    docs = assess(parse_submission("v1.99/x/PRODUCT.yaml", _sub(["https://docs.example.com/op"])), tree, {})
    assert docs.grade is Grade.DOCUMENTATION
    assert docs.reason == ("0 of 2 claimed requirements have tests or walkthroughs, under the 50% needed for "
                           "walkthroughs (2 with product documentation)")

    broken = assess(parse_submission("v1.99/x/PRODUCT.yaml", _sub(["missing.md", "../escape.md"])), tree, files)
    assert [i.cls for i in broken.requirements[0].items] == [C.BROKEN, C.BROKEN]


def test_one_walkthrough_among_many_claims_is_not_a_walkthroughs_submission() -> None:
    """Requirements are graded first; the submission by the share of its claims at each
    level against the `grading` shares of data/evidence.yaml."""
    ids = [f"req_{i}" for i in range(9)]
    evidence = {rid: "https://docs.example.com/how-to" for rid in ids}
    evidence["req_0"] = "https://gist.github.com/someone/abc"  # a walkthrough
    evidence["req_1"] = "https://docs.example.com/ai-conformance.html#req-1"  # a vendor conformance page
    evidence["req_2"] = "https://kueue.sigs.k8s.io/"  # only a project's home page
    evidence["req_3"] = "https://medium.com/@someone/post"  # a blog
    text = "metadata:\n  vendorName: V\nspec:\n  general:\n" + "".join(
        f'    - id: {rid}\n      level: MUST\n      status: Implemented\n      evidence:\n        - "{url}"\n'
        for rid, url in evidence.items())
    report = assess(parse_submission("v1.99/x/PRODUCT.yaml", text.encode()), {}, {})
    assert [r.level for r in report.requirements] == [
        "walkthrough", "conformance-page", "generic", "generic", *["documentation"] * 5]
    assert report.grade is Grade.DOCUMENTATION
    assert report.reason == ("1 of 9 claimed requirements have tests or walkthroughs, under the 50% needed for "
                             "walkthroughs (1 with a walkthrough, 1 with a vendor conformance page, 5 with product "
                             "documentation, 2 with generic pages only)")


def test_links_in_notes_count_as_evidence() -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _sub(
        ["https://docs.example.com/op"], notes="test code: https://github.com/a/b/blob/abc/e2e/ai/operator.go#L41"))
    report = assess(sub, {}, {})
    first = report.requirements[0]
    assert [(i.source, i.cls) for i in first.items] == [("evidence", C.DOCUMENTATION), ("notes", C.TEST_REPO)]
    assert first.level == "tests"


def test_shipped_evidence_vocabulary_follows_its_schema() -> None:
    """The classification words are data (data/evidence.yaml), checked against their schema."""
    import json
    from pathlib import Path

    import jsonschema
    import yaml

    from kaic.components.evidence import VOCABULARY_PATH, vocabulary

    schema = json.loads((Path(VOCABULARY_PATH).parent / "schemas" / "evidence.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load(Path(VOCABULARY_PATH).read_text()), schema)
    words = vocabulary()
    assert "github.com" in words.code_hosts and "docs.google.com" in words.shared_document_hosts
