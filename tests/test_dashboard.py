"""The HTML dashboard, read as HTML: one self-contained file, a CSP naming its one script
by hash, nothing loaded from anywhere, vendor text escaped, under 3 MB for the corpus.

The browser checks (rendering, filtering, no request, no script run) are in
test_browser.py; these read the markup with Python's own HTML parser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.lint import validate
from kaic.load import load_state
from kaic.report.build import build_report
from kaic.report.render import RENDERERS, renderer
from kaic.report.sections import SECTIONS
from kaic.source import open_source

from .fixtures.builder import VERSION, answer, clean_product
from .test_history import Repo, new_repo

HOSTILE_VENDOR = '<script>window.__pwned = 1</script>Evil "Corp" & Co'
HOSTILE_PLATFORM = '<img src=x onerror="window.__pwned=1">Platform</b>'
HOSTILE_NOTE = 'See <a href="javascript:window.__pwned=1">here</a> <svg onload="window.__pwned=1"></svg>'
HOSTILE_EVIDENCE = "javascript:window.__pwned=1"
BROKEN_ATTR = '" onmouseover="window.__pwned=1" x="'


@dataclass
class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    _in_script: bool = False

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def raw_script(html: str) -> str:
    m = re.search(r"<script>(.*?)</script>", html, re.S)
    assert m
    return m.group(1)


def hostile_repo(root: Path) -> Repo:
    """A fictional repository whose one submission is full of markup, with two commits."""
    repo = new_repo(root)
    p = clean_product(name="evil", vendor=HOSTILE_VENDOR)
    p["metadata"]["platformName"] = HOSTILE_PLATFORM
    p["metadata"]["description"] = BROKEN_ATTR
    first = answer(p, "widget_sharing")
    first["notes"] = HOSTILE_NOTE
    first["evidence"] = [HOSTILE_EVIDENCE, "https://evil.example.com/\"><script>window.__pwned=1</script>",
                         "data:text/html,<script>window.__pwned=1</script>"]
    answer(p, "gauge_export")["status"] = "Partially Implemented"
    repo.write(f"v{VERSION}/evil", p)
    repo.commit("add-evil", "2024-03-01T10:00:00+00:00")
    good = clean_product(name="acme", vendor="Acme Widgets")
    repo.write(f"v{VERSION}/acme", good)
    repo.commit("add-acme", "2024-04-01T10:00:00+00:00")
    return repo


def dashboard_of(source: str, ref: str | None = None, **options: object) -> tuple[str, dict[str, Any]]:
    src = open_source(source, ref)
    state = load_state(src)
    report = build_report(state, validate(state), options=options)
    assert report.data["errors"] == [], report.data["errors"]
    html = renderer("html").render(report)
    assert isinstance(html, str)
    return html, report.data


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    repo = hostile_repo(tmp_path_factory.mktemp("hostile") / "repo")
    return dashboard_of(str(repo.root), "main", as_of="2024-06-01")[0]


def check_self_contained(html: str) -> Page:
    page = parse(html)
    # exactly one script, inline, named in the CSP by its hash
    assert len(page.scripts) == 1
    assert [t for t, a in page.tags if t == "script"] == ["script"]
    assert all("src" not in a for t, a in page.tags if t == "script")
    csp = [a.get("content") or "" for t, a in page.tags
           if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(csp) == 1
    digest = base64.b64encode(hashlib.sha256(raw_script(html).encode("utf-8")).digest()).decode()
    policy = dict(part.strip().split(" ", 1) for part in csp[0].split(";") if part.strip())
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert policy["img-src"] == "data:"
    assert policy["style-src"] == "'unsafe-inline'"
    assert "connect-src" not in policy and "font-src" not in policy  # default-src 'none' covers them
    # nothing that loads: no <link>, <iframe>, <object>, <embed>, <img src=http>, no url(http...), no @import
    assert not [t for t, _ in page.tags if t in ("link", "iframe", "object", "embed", "base", "frame")]
    for tag, attrs in page.tags:
        for name in ("src", "srcset", "poster", "data", "action", "xlink:href"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), (tag, name, value)
        if tag in ("image", "use", "img"):
            assert (attrs.get("href") or "data:").startswith(("data:", "#")), (tag, attrs)
        # no event handler attribute anywhere (the script uses addEventListener)
        assert not [n for n in attrs if n.startswith("on")], (tag, attrs)
        if tag == "a":
            href = attrs.get("href") or ""
            assert href.startswith("#") or re.match(r"^https?://", href), href
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", html)
    return page


def test_the_renderer_is_registered() -> None:
    assert RENDERERS["html"] == "kaic.report.render.html"


def test_sample_dashboard_without_history() -> None:
    html, data = dashboard_of("sample")
    check_self_contained(html)
    sample = load_state(open_source("sample"))
    assert html.count('<tr data-vendor="') == len(sample.submissions)
    for sub in sample.submissions:
        anchor = "sub-" + re.sub(r"[^a-z0-9]+", "-", sub.folder.lower()).strip("-")
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    assert 'id="timeline"' not in html and 'id="trends"' not in html  # the sample has no git history
    # the component part follows the report: there whenever the component sections are
    assert ('id="components"' in html) == ("adoption" in data or "components" in data)


def test_hostile_vendor_text_is_escaped(hostile_html: str) -> None:
    page = check_self_contained(hostile_html)
    assert "window.__pwned" not in page.scripts[0]
    assert "<script>window.__pwned" not in hostile_html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Evil &#34;Corp&#34; &amp; Co" in hostile_html
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in hostile_html
    # the javascript: and data: evidence stay text; the odd https one is a link only if it is a clean URL
    hrefs = [a.get("href") or "" for t, a in page.tags if t == "a"]
    assert not [h for h in hrefs if "pwned" in h or h.lower().startswith(("javascript:", "data:"))]
    assert "javascript:window.__pwned=1" in hostile_html  # shown, as text
    # no tag or attribute came from vendor text
    assert {t for t, _ in page.tags} <= {
        "html", "head", "meta", "title", "style", "body", "a", "header", "div", "h1", "p", "code", "nav", "main",
        "section", "h2", "ul", "li", "span", "strong", "form", "label", "select", "option", "input", "button",
        "table", "thead", "tr", "th", "tbody", "td", "h3", "figure", "figcaption", "time", "br", "article", "h4",
        "footer", "script", "svg", "defs", "g", "rect", "path", "text", "desc", "circle", "line",
        "polyline", "tspan", "clippath", "use", "em", "details", "summary"}


def test_corpus_dashboard(tmp_path: Path, corpus_checkout: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["report", "--source", str(corpus_checkout), "--ref", "main",
                                      "--format", "html", "--out", str(out / "report.html")])
    assert result.exit_code == 0, result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    size = (out / "report.html").stat().st_size
    assert size < 3 * 1024 * 1024, size
    check_self_contained(html)
    for section in ("overview", "matrix", "timeline", "trends", "findings"):
        assert f'<section id="{section}"' in html
    keys = {s.key for s in SECTIONS}
    assert ('<section id="components"' in html) == bool(keys & {"adoption", "components"})
    at_main = [p for p in (corpus_checkout / "v1.34").glob("*/PRODUCT.yaml")]
    assert at_main
    assert html.count('<tr data-vendor="') == sum(1 for _ in corpus_checkout.glob("v*/*/PRODUCT.yaml"))
    assert html.count('class="detail"') == sum(1 for _ in corpus_checkout.glob("v*/*/PRODUCT.yaml"))
    assert html.count("<svg") >= 5  # certifications by month, four trends (and adoption, with components)
    # the "current" filter: every row says its certification and its platform's standing
    assert 'id="f-cert"' in html and '<option value="platform">' in html
    assert html.count('data-cert="current"') + html.count('data-cert="expired"') == html.count('<tr data-vendor="')
    # a withdrawn submission is listed in the timeline but has no detail view
    assert "v1.33/rosa" in html and 'id="sub-v1-33-rosa"' not in html

