"""The dashboard in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Opened from file://: it renders without console errors, makes no request, filters the
matrix by vendor, opens a submission's details (mouse and keyboard), reads on a phone
and in dark mode, and runs none of the script a hostile PRODUCT.yaml carries. A
screenshot is saved under the test's temporary folder (printed with -s).

Without /usr/bin/chromium or Playwright this FAILS: install them (`apt-get install
chromium`, `pip install -e '.[test]'`); `.ci/run` does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app
from kaic.report.sections import SECTIONS

from .test_dashboard import HOSTILE_VENDOR, hostile_repo

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser test needs Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Python Playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with every console message, page error, request and dialog recorded."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.blocked: list[str] = []

        def block(route: Any) -> None:
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                self.blocked.append(route.request.url)
                route.abort()

        self.context.route("**/*", block)

    def open(self, path: Path, fragment: str = "") -> Any:
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.page

    def close(self) -> None:
        self.context.close()

    def assert_quiet(self, page_file: Path) -> None:
        assert self.errors == []
        assert self.blocked == []
        assert {u.split("#")[0] for u in self.requests} <= {page_file.as_uri()}
        assert self.dialogs == []


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory, corpus_checkout: Path) -> Path:
    out = tmp_path_factory.mktemp("dashboard")
    result = CliRunner().invoke(app, ["report", "--source", str(corpus_checkout), "--ref", "main",
                                      "--format", "html", "--out", str(out / "report.html")])
    assert result.exit_code == 0, result.output
    return out / "report.html"


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("KAIC_SCREENSHOT_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def vendors_in(checkout: Path) -> dict[str, list[str]]:
    """vendorName -> product folders, read with PyYAML (not kaic)."""
    out: dict[str, list[str]] = {}
    for path in sorted(checkout.glob("v*/*/PRODUCT.yaml")):
        meta = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("metadata") or {}
        out.setdefault(str(meta.get("vendorName", "")).strip(), []).append(f"{path.parent.parent.name}/{path.parent.name}")
    return out


def visible_rows(page: Any) -> list[Any]:
    return [r for r in page.locator("#matrix-table tbody tr").all() if r.is_visible()]


def test_dashboard_renders_filters_and_opens_details(browser: Any, corpus_page: Path, corpus_checkout: Path,
                                                     shots: Path) -> None:
    w = Watched(browser, viewport={"width": 1440, "height": 1000}, color_scheme="light")
    page = w.open(corpus_page)
    products = sum(len(v) for v in vendors_in(corpus_checkout).values())
    assert len(visible_rows(page)) == products
    assert page.locator("#matrix-count").inner_text() == f"{products} submissions"
    screenshot = shots / "dashboard.png"
    page.screenshot(path=str(screenshot))
    print(f"\nscreenshot: {screenshot}")

    # filter by a vendor with several submissions: only its rows stay
    vendors = vendors_in(corpus_checkout)
    name, folders = max(vendors.items(), key=lambda kv: (len(kv[1]), kv[0]))
    assert len(folders) >= 2
    page.select_option("#f-vendor", label=name)
    rows = visible_rows(page)
    assert len(rows) == len(folders)
    assert sorted(r.get_attribute("data-path").rsplit("/", 1)[0] for r in rows) == sorted(folders)
    assert all(name in r.locator("th").inner_text() for r in rows)
    assert "of" in page.locator("#matrix-count").inner_text()
    # and by version as well
    version = folders[0].split("/")[0][1:]
    page.select_option("#f-version", value=version)
    assert [r.get_attribute("data-path") for r in visible_rows(page)] == [f"{f}/PRODUCT.yaml" for f in folders
                                                                         if f.startswith(f"v{version}/")]
    page.click("#matrix-filters button[type=reset]")
    page.wait_for_timeout(50)
    assert len(visible_rows(page)) == products

    # by status, then by requirement and status: rows with such a cell stay, the others go
    page.select_option("#f-status", value="N/A")
    shown = visible_rows(page)
    assert 0 < len(shown) < products
    assert all(r.locator("td[data-s='N/A']").count() >= 1 for r in shown)
    rid = shown[0].locator("td[data-s='N/A']").first.get_attribute("data-r")
    page.select_option("#f-requirement", value=rid)
    for row in page.locator("#matrix-table tbody tr").all():
        assert row.is_visible() == (row.locator(f"td[data-r='{rid}'][data-s='N/A']").count() == 1)
    page.click("#matrix-filters button[type=reset]")
    page.wait_for_timeout(50)

    # a submission's details open on click and close with Escape
    first = visible_rows(page)[0]
    link = first.locator("a.who")
    anchor = link.get_attribute("href")
    link.click()
    detail = page.locator(anchor)
    assert detail.is_visible()
    assert detail.locator("h2").inner_text().startswith(first.locator(".vendor").inner_text())
    assert detail.locator(".req-card").count() >= 9
    page.screenshot(path=str(shots / "dashboard-detail.png"))
    page.keyboard.press("Escape")
    page.wait_for_timeout(50)
    assert not detail.is_visible()

    # sorting by vendor name orders the rows
    page.click("#matrix-table thead th:first-child button")
    names = [r.locator(".vendor").inner_text().casefold() for r in visible_rows(page)]
    assert names == sorted(names)
    w.assert_quiet(corpus_page)
    w.close()


def test_keyboard_phone_and_dark(browser: Any, corpus_page: Path, shots: Path) -> None:
    w = Watched(browser, viewport={"width": 390, "height": 844}, color_scheme="dark", is_mobile=True,
                has_touch=True)
    page = w.open(corpus_page)
    # a phone: nothing wider than the screen but the tables' own scrolling boxes
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    page.screenshot(path=str(shots / "dashboard-phone-dark.png"))
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    # the keyboard reaches the skip link first, then the row links open details with Enter
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#matrix-table tbody tr:first-child a.who")
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    opened = page.evaluate("location.hash")
    assert opened.startswith("#sub-")
    assert page.locator(opened).is_visible()
    assert page.evaluate("document.activeElement.tagName") == "H2"  # focus moves into the details
    page.keyboard.press("Escape")
    w.assert_quiet(corpus_page)
    w.close()

    light = Watched(browser, viewport={"width": 390, "height": 844}, color_scheme="light")
    assert light.open(corpus_page).evaluate("getComputedStyle(document.body).backgroundColor") != dark
    light.close()


def test_hostile_text_never_runs(browser: Any, tmp_path: Path, shots: Path) -> None:
    repo = hostile_repo(tmp_path / "repo")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["report", "--source", str(repo.root), "--ref", "main", "--format", "html",
                                      "--out", str(out / "report.html")])
    assert result.exit_code == 0, result.output
    page_file = out / "report.html"
    w = Watched(browser, viewport={"width": 1280, "height": 900})
    page = w.open(page_file)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # the vendor's markup is shown as text
    assert page.get_by_text(HOSTILE_VENDOR).count() >= 1
    page.select_option("#f-vendor", index=1)
    for row in visible_rows(page):
        row.hover()
    evil = page.locator("#matrix-table a.who", has_text="window.__pwned").first
    evil.click()
    anchor = evil.get_attribute("href")
    detail = page.locator(anchor)
    assert detail.is_visible()
    for item in detail.locator("li, p, h2, .notes").all():
        item.hover()
    for text in detail.locator(".ev-text").all():
        text.click()
    if "evidence" in {s.key for s in SECTIONS}:  # the javascript: and data: evidence are shown as text
        assert detail.locator(".ev-text").count() >= 2
        assert detail.locator("a[href*='pwned']").count() == 0
    page.screenshot(path=str(shots / "dashboard-hostile.png"))
    page.goto(page_file.as_uri() + "#timeline")
    page.mouse.wheel(0, 2000)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    w.assert_quiet(page_file)
    w.close()


# -- layout at 1,400 px and 390 px, views, URL state, print (issue 14) ---------------------------------

WIDTHS = (1400, 390)


def open_at(browser: Any, page_file: Path, width: int, query: str = "", fragment: str = "") -> tuple[Watched, Any]:
    w = Watched(browser, viewport={"width": width, "height": 900}, reduced_motion="reduce")
    w.page.goto(page_file.as_uri() + query + fragment)
    w.page.wait_for_load_state("load")
    return w, w.page


def statuses_by_version(checkout: Path) -> dict[str, dict[str, list[str]]]:
    """version -> requirement id -> the statuses the files give (PyYAML, not kaic)."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(checkout.glob("v*/*/PRODUCT.yaml")):
        version = path.parent.parent.name[1:]
        spec = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("spec") or {}
        seen: set[str] = set()
        for items in spec.values():
            for item in items or []:
                rid = str(item.get("id", ""))
                if rid and rid not in seen:
                    seen.add(rid)
                    out.setdefault(version, {}).setdefault(rid, []).append(str(item.get("status") or "").strip())
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_no_overflow_and_everything_inside_its_card(browser: Any, corpus_page: Path, width: int, shots: Path) -> None:
    w, page = open_at(browser, corpus_page, width)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # every filter control stays inside its card
    spill = page.evaluate("""() => [...document.querySelectorAll('.filters select, .filters input, .filters button')]
        .filter(el => el.getBoundingClientRect().right > el.closest('section').getBoundingClientRect().right + 0.5)
        .map(el => el.id || el.name)""")
    assert spill == []
    if width >= 1400:  # the matrix fits its card: no column cut off
        assert page.evaluate("(() => { const s = document.querySelector('#matrix .scroll');"
                             " return s.scrollWidth <= s.clientWidth; })()")
        # the group is one short line under the name, not a column that wraps to three lines
        assert page.locator("#matrix-table thead th", has_text="Group").count() == 0
    else:  # every finding's message is on screen
        off = page.evaluate("""() => [...document.querySelectorAll('#findings-table td.message')]
            .filter(td => td.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length""")
        assert off == 0
    page.screenshot(path=str(shots / f"layout-{width}.png"), full_page=False)
    w.assert_quiet(corpus_page)
    w.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_headers_stay_visible_after_scrolling(browser: Any, corpus_page: Path, width: int) -> None:
    w, page = open_at(browser, corpus_page, width)
    page.evaluate("window.scrollTo(0, document.getElementById('findings').offsetTop)")
    page.wait_for_timeout(50)
    top = page.evaluate("(() => { const r = document.querySelector('header.top').getBoundingClientRect();"
                        " return [r.top, r.bottom]; })()")
    assert page.evaluate("window.scrollY") > 1000
    assert top[0] == 0 and top[1] > 20  # the page header is still on screen
    # the matrix header row stays at the top of its box while 28 rows scroll under it
    page.evaluate("document.getElementById('matrix').scrollIntoView()")
    moved = page.evaluate("""() => { const box = document.querySelector('#matrix .scroll');
        box.scrollTop = 600; const head = document.querySelector('#matrix-table thead th');
        return [box.scrollTop, head.getBoundingClientRect().top - box.getBoundingClientRect().top]; }""")
    assert moved[0] > 0 and abs(moved[1]) <= 2
    w.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_is_at_least_10px(browser: Any, corpus_page: Path, width: int) -> None:
    w, page = open_at(browser, corpus_page, width)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.chart svg text')]
        .filter(t => t.getBoundingClientRect().height > 0 && t.textContent.trim()
                && getComputedStyle(t).visibility !== 'hidden' && parseFloat(getComputedStyle(t).fontSize) > 0)
        .map(t => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); })""")  # drawn size, rotated text too
    assert len(sizes) > 50
    assert min(sizes) >= 10
    w.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_is_reachable_by_keyboard(browser: Any, corpus_page: Path, width: int) -> None:
    w, page = open_at(browser, corpus_page, width)
    targets = page.evaluate("[...document.querySelectorAll('header.top nav a')].map(a => a.getAttribute('href'))")
    expected = {"#overview", "#matrix", "#components", "#rates", "#solutions", "#evidence", "#gaps", "#vendors",
                "#timeline", "#trends", "#findings"}
    assert expected <= set(targets)  # every view the Markdown report has, and the dashboard's own
    for href in targets:
        page.goto(corpus_page.as_uri())
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('href')") == href:
                break
        else:
            raise AssertionError(f"Tab never reaches the link to {href}")
        page.keyboard.press("Enter")
        page.wait_for_timeout(30)
        assert page.evaluate("location.hash") == href
        box = page.evaluate(f"(() => {{ const r = document.querySelector('{href} h2').getBoundingClientRect();"
                            " return [r.top, r.bottom, innerHeight]; })()")
        assert box[0] >= 0 and box[1] <= box[2], (href, box)
    w.close()


def test_filter_state_lives_in_the_url(browser: Any, corpus_page: Path, corpus_checkout: Path) -> None:
    vendors = vendors_in(corpus_checkout)
    name, folders = max(vendors.items(), key=lambda kv: (len(kv[1]), kv[0]))
    w, page = open_at(browser, corpus_page, 1400)
    page.select_option("#f-vendor", label=name)
    key = page.evaluate("document.getElementById('f-vendor').value")
    assert page.evaluate("location.search") == "?vendor=" + key.replace(" ", "+")
    shared = page.evaluate("location.href")
    other, again = open_at(browser, Path(corpus_page), 1400)
    again.goto(shared)
    again.wait_for_load_state("load")
    assert again.evaluate("document.getElementById('f-vendor').value") == key
    assert len(visible_rows(again)) == len(folders)
    again.click("#matrix-filters button[type=reset]")
    again.wait_for_timeout(50)
    assert again.evaluate("location.search") == ""
    other.close()
    w.close()


def test_current_only_filter_from_the_url(browser: Any, corpus_page: Path) -> None:
    w, page = open_at(browser, corpus_page, 1400, query="?cert=current")
    assert page.evaluate("document.getElementById('f-cert').value") == "current"
    current_in_timeline = page.locator("#timeline tbody .badge", has_text="current").count()
    shown = visible_rows(page)
    assert 0 < len(shown) == current_in_timeline
    assert {r.get_attribute("data-cert") for r in shown} == {"current"}
    page.select_option("#f-cert", value="")
    assert len(visible_rows(page)) > len(shown) and page.evaluate("location.search") == ""
    w.close()


def test_rates_by_version_match_the_files(browser: Any, corpus_page: Path, corpus_checkout: Path) -> None:
    counted = statuses_by_version(corpus_checkout)
    submissions = {v: len(list(corpus_checkout.glob(f"v{v}/*/PRODUCT.yaml"))) for v in counted}
    w, page = open_at(browser, corpus_page, 1400)
    versions = [h.strip().split()[0][1:] for h in page.locator("#rates thead th").all_inner_texts()[2:]]
    assert sorted(versions) == sorted(counted)
    checked = 0
    for row in page.locator("#rates tbody tr").all():
        rid = row.locator("th").inner_text().strip()
        for version, cell in zip(versions, row.locator("td.rate").all(), strict=True):
            if rid not in counted[version]:
                continue
            implemented = sum(1 for s in counted[version][rid] if s == "Implemented")
            assert cell.inner_text().split()[0] == f"{round(100 * implemented / submissions[version])}%", (rid, version)
            checked += 1
    assert checked >= 20
    w.close()


def test_views_list_every_vendor_and_grade(browser: Any, corpus_page: Path, corpus_checkout: Path) -> None:
    w, page = open_at(browser, corpus_page, 1400)
    linked = page.locator("#vendors tbody a").count()
    assert linked == sum(len(f) for f in vendors_in(corpus_checkout).values())  # every submission, once
    graded = sum(int(c) for c in page.locator("#evidence table.grades tbody td:nth-child(2)").all_inner_texts())
    assert graded == linked
    assert page.locator("#solutions .topic").count() >= 1 and page.locator("#gaps tbody tr").count() >= 1
    w.close()


def test_print_stylesheet(browser: Any, corpus_page: Path) -> None:
    w, page = open_at(browser, corpus_page, 1400)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('header.top')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('#matrix-filters')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('#matrix .scroll')).overflowY") == "visible"
    assert page.evaluate("getComputedStyle(document.querySelector('#matrix-table thead th')).position") == "static"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    w.close()
