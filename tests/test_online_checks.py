"""Online program checks (landscape, k8s conformance, logo) and run_online_checks end to end.

Servers are real and on loopback; the landscape and the k8s-conformance checkout are
fixture files written here. The k8sConformanceUrl is always looked up in a local
checkout, so no test resolves github.com.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from kaic.load import load_state
from kaic.online import (
    LABEL_BROKEN,
    LABEL_UNVERIFIED,
    ONLINE_RULES,
    LinkClass,
    OnlineOptions,
    run_online_checks,
)
from kaic.online.conformance import conformance_target
from kaic.online.landscape import LandscapeError, parse_members
from kaic.online.sniff import sniff
from kaic.source import open_source
from tests.fixtures.builder import VERSION, answer, clean_product, line_of, write_repo
from tests.fixtures.loopback import Reply, Request, serve

pytestmark = pytest.mark.timeout(60)

LANDSCAPE = """\
landscape:
- category:
    name: Provisioning
    subcategories:
    - subcategory:
        name: Automation
        items:
        - item:
            name: Not A Member Inc
- category:
    name: CNCF Members
    subcategories:
    - subcategory:
        name: Platinum
        items:
        - item:
            name: Acme Widgets Corporation (member)
        - item:
            name: Globex
    - subcategory:
        name: Supporter
        items:
        - item:
            name: Initech (supporter)
"""

SVG = b'<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# -- landscape ------------------------------------------------------------------------


def test_members_come_from_the_members_category_with_suffixes_stripped() -> None:
    members = parse_members(LANDSCAPE, "fixture")
    assert members.names == {"Acme Widgets Corporation", "Globex", "Initech"}
    assert "Not A Member Inc" not in members
    assert " Globex " in members  # trimmed, as upstream


def test_did_you_mean_names_the_closest_members() -> None:
    members = parse_members(LANDSCAPE, "fixture")
    assert members.closest("Acme Widgets Corp") == ["Acme Widgets Corporation"]
    assert members.closest("globex") == ["Globex"]
    assert members.closest("Something Else Entirely") == []


@pytest.mark.parametrize("text", ["landscape: [", "landscape:\n- category:\n    name: Other\n", "[]"])
def test_a_landscape_without_members_is_an_error(text: str) -> None:
    with pytest.raises(LandscapeError):
        parse_members(text, "fixture")


# -- logo sniffing --------------------------------------------------------------------


@pytest.mark.parametrize("data, kind", [
    (SVG, "svg"),
    (b"\xef\xbb\xbf  <svg viewBox='0 0 1 1'/>", "svg"),
    (b"<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' ''>\n<svg/>", "svg"),
    (PNG, "png"),
    (b"\xff\xd8\xff\xe0JFIF", "jpeg"),
    (b"<!DOCTYPE html><html><body><svg/></body></html>", "html"),
    (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', "html"),
    (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 1 1\n", "eps"),
    (b"%!PS-Adobe-3.0\n%%Creator: Adobe Illustrator(R) 24.0\n", "ai"),
    (b"%!PS-Adobe-3.0\n%%Pages: 1\n", "ps"),
    (b"%PDF-1.6\n<x:xmpmeta><xmp:CreatorTool>Adobe Illustrator 27.0</xmp:CreatorTool>", "ai"),
    (b"%PDF-1.6\n1 0 obj", "pdf"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
    (b"", "empty"),
    (b"just text", "unknown"),
])
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


# -- k8sConformanceUrl ----------------------------------------------------------------


def test_conformance_target() -> None:
    assert conformance_target("https://github.com/cncf/k8s-conformance/tree/master/v1.35/gke") == ("1.35", "gke")
    assert conformance_target("https://github.com/cncf/k8s-conformance/tree/main/v1.33/acme/") == ("1.33", "acme")
    assert conformance_target("https://github.com/cncf/k8s-conformance/pull/1") is None


# -- end to end -----------------------------------------------------------------------


def _repo(tmp_path: Path, base: str, product: dict[str, Any] | None = None) -> tuple[Path, str]:
    product = product or clean_product()
    text = yaml.safe_dump(product, sort_keys=False, width=1000).replace("https://acme.example.com", base)
    root = write_repo(tmp_path / "repo", {f"v{VERSION}/acme": text})
    return root, text


def _k8s_checkout(tmp_path: Path, *folders: str) -> Path:
    checkout = tmp_path / "k8s-conformance"
    for folder in folders:
        (checkout / folder).mkdir(parents=True)
    return checkout


def _options(tmp_path: Path, **changes: Any) -> OnlineOptions:
    landscape = tmp_path / "landscape.yml"
    landscape.write_text(LANDSCAPE.replace("Globex", "Acme Widgets"), encoding="utf-8")
    base: dict[str, Any] = {"allow_hosts": frozenset({"127.0.0.1"}), "use_cache": False, "timeout": 2.0,
                            "budget": 20.0, "backoff": 0.05, "retries": 1, "landscape": landscape,
                            "k8s_conformance": _k8s_checkout(tmp_path, f"v{VERSION}/acme")}
    base.update(changes)
    return OnlineOptions(**base)


def _site(req: Request) -> Reply:
    if req.path == "/logo.svg":
        return Reply(200, {"Content-Type": "image/svg+xml"}, SVG)
    if req.path.endswith("gauge_export"):
        return Reply(404)
    if req.path.endswith("trace_hint"):
        return Reply(403)
    if req.path == "/docs":
        return Reply(301, {"Location": "/docs/"})
    return Reply(200, body=b"<html>evidence</html>")


def test_run_online_checks_end_to_end(tmp_path: Path) -> None:
    with serve(_site) as srv:
        root, text = _repo(tmp_path, srv.url)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path))
    path = f"v{VERSION}/acme/PRODUCT.yaml"
    found = {(f.rule, f.line, f.requirement) for f in report.findings}
    assert found == {
        ("link-broken", line_of(text, "/evidence/gauge_export"), "gauge_export"),
        ("link-unverified", line_of(text, "/evidence/trace_hint"), "trace_hint"),
    }
    by_url = {r.url: r for r in report.links}
    # every http(s) URL of the file but the k8sConformanceUrl (looked up in the local checkout)
    assert len(report.links) == text.count(srv.url)
    docs = by_url[srv.url + "/docs"]
    assert (docs.klass, docs.final_url, docs.path) == (LinkClass.REDIRECTED, srv.url + "/docs/", path)
    assert by_url[srv.url + "/evidence/trace_hint"].klass is LinkClass.BLOCKED
    assert by_url[srv.url + "/evidence/gauge_export"].status == 404
    assert report.labels == {LABEL_UNVERIFIED, LABEL_BROKEN}
    assert {f.rule for f in report.findings} <= set(ONLINE_RULES)
    as_json = json.loads(json.dumps(report.as_dict()))
    assert as_json["labels"] == sorted(report.labels) and len(as_json["links"]) == len(report.links)
    assert {"url", "class", "status", "final_url", "detail", "path", "line", "requirement"} == set(as_json["links"][0])


def test_vendor_not_member_with_did_you_mean(tmp_path: Path) -> None:
    product = clean_product(vendor="Acme Widgets Corp")
    with serve(_site) as srv:
        root, text = _repo(tmp_path, srv.url, product)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path))
    (hit,) = [f for f in report.findings if f.rule == "vendor-not-member"]
    assert hit.line == line_of(text, "vendorName:")
    assert "'Acme Widgets Corporation'" in hit.message and hit.severity.value == "error"


def test_missing_landscape_file_is_a_warning_not_an_abort(tmp_path: Path) -> None:
    with serve(_site) as srv:
        root, _ = _repo(tmp_path, srv.url)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions,
                                   _options(tmp_path, landscape=tmp_path / "nope.yml"))
    (hit,) = [f for f in report.findings if f.rule == "vendor-unchecked"]
    assert "nope.yml" in hit.message


def test_landscape_fetched_from_a_url_then_cached(tmp_path: Path) -> None:
    with serve(lambda req: Reply(200, body=LANDSCAPE.encode()) if req.path == "/landscape.yml"
               else _site(req)) as srv:
        root, _ = _repo(tmp_path, srv.url, clean_product(vendor="Globex"))
        state = load_state(open_source(str(root)))
        opts = _options(tmp_path, landscape=None, landscape_url=srv.url + "/landscape.yml",
                        use_cache=True, cache_dir=tmp_path / "cache")
        first = run_online_checks(state, state.submissions, opts)
        second = run_online_checks(state, state.submissions, opts)
    assert not [f for f in first.findings if f.rule.startswith("vendor-")]
    assert not [f for f in second.findings if f.rule.startswith("vendor-")]
    assert [r.path for r in srv.requests].count("/landscape.yml") == 1
    assert second.connections == 0  # links, logo and landscape all came from the cache


def test_logo_that_is_a_png_behind_an_svg_name(tmp_path: Path) -> None:
    with serve(lambda req: Reply(200, body=PNG) if req.path == "/logo.svg" else _site(req)) as srv:
        root, text = _repo(tmp_path, srv.url)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path))
    (hit,) = [f for f in report.findings if f.rule == "logo-content"]
    assert hit.line == line_of(text, "productLogoUrl:")
    assert "PNG" in hit.message and hit.severity.value == "warning"
    assert [r.method for r in srv.requests if r.path == "/logo.svg"] == ["GET"]  # one bounded GET


def test_svg_logo_passes(tmp_path: Path) -> None:
    with serve(_site) as srv:
        root, _ = _repo(tmp_path, srv.url)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path))
    assert not [f for f in report.findings if f.rule == "logo-content"]


def test_k8s_conformance_older_version_and_missing_folder(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["k8sConformanceUrl"] = "https://github.com/cncf/k8s-conformance/tree/master/v2.9/acme"
    with serve(_site) as srv:
        root, text = _repo(tmp_path, srv.url, product)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions,
                                   _options(tmp_path, k8s_conformance=_k8s_checkout(tmp_path / "k", "v2.8/acme")))
    line = line_of(text, "k8sConformanceUrl:")
    found = {(f.rule, f.severity.value, f.line) for f in report.findings if f.rule.startswith("k8s-")}
    assert found == {("k8s-conformance-version", "warning", line), ("k8s-conformance-missing", "error", line)}
    (version,) = [f for f in report.findings if f.rule == "k8s-conformance-version"]
    assert "older" in version.message


def test_k8s_conformance_name_cannot_escape_the_checkout(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["k8sConformanceUrl"] = f"https://github.com/cncf/k8s-conformance/tree/master/v{VERSION}/.."
    with serve(_site) as srv:
        root, _ = _repo(tmp_path, srv.url, product)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path))
    assert [f.rule for f in report.findings if f.rule.startswith("k8s-")] == ["k8s-conformance-missing"]


def test_refused_links_are_unverified_and_nothing_connects(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "widget_sharing")["evidence"] = ["http://127.0.0.1:9/private", "http://10.0.0.1:9/x"]
    with serve(_site) as srv:
        root, _ = _repo(tmp_path, srv.url, product)
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path, allow_hosts=frozenset()))
    assert srv.connections == 0
    assert {r.klass for r in report.links} == {LinkClass.REFUSED}
    assert report.labels == {LABEL_UNVERIFIED}
    assert not [f for f in report.findings if f.severity.value == "error"]


def test_upstream_policy_gives_upstreams_message(tmp_path: Path) -> None:
    with serve(_site) as srv:
        root, _ = _repo(tmp_path, srv.url, clean_product(vendor="Acme Widgets Corp"))
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(tmp_path, policy="upstream"))
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["link-broken"].upstream == (
        f"Invalid evidence URL for 'gauge_export': {srv.url}/evidence/gauge_export (HTTP 404)")
    assert by_rule["vendor-not-member"].upstream is not None
    assert "'Acme Widgets Corp'" in by_rule["vendor-not-member"].upstream
    assert by_rule["link-unverified"].upstream is None  # not predicted: a warning under every policy
    assert by_rule["link-unverified"].severity.value == "warning"


def test_expired_landscape_copy_is_used_and_said_so_when_the_refresh_fails(tmp_path: Path) -> None:
    from kaic.online.cache import DiskCache

    with serve(lambda req: Reply(503) if req.path == "/landscape.yml" else _site(req)) as srv:
        url = srv.url + "/landscape.yml"
        cache = DiskCache(tmp_path / "cache")
        cache.put("landscape", url, ["Acme Widgets Corporation"], ttl=10, now=1000.0)  # long expired
        root, _ = _repo(tmp_path, srv.url, clean_product(vendor="Acme Widgets Corp"))
        state = load_state(open_source(str(root)))
        report = run_online_checks(state, state.submissions, _options(
            tmp_path, landscape=None, landscape_url=url, use_cache=True, cache_dir=tmp_path / "cache", retries=0))
    (hit,) = [f for f in report.findings if f.rule == "vendor-not-member"]
    assert "expired cached copy" in hit.message and "'Acme Widgets Corporation'" in hit.message
    assert len(report.notes) == 1 and "could not refresh" in report.notes[0] and "server-error" in report.notes[0]


def test_run_online_checks_works_from_inside_an_event_loop(tmp_path: Path) -> None:
    import asyncio

    with serve(_site) as srv:
        root, text = _repo(tmp_path, srv.url)
        state = load_state(open_source(str(root)))

        async def caller() -> int:
            return len(run_online_checks(state, state.submissions, _options(tmp_path)).links)

        assert asyncio.run(caller()) == text.count(srv.url)
