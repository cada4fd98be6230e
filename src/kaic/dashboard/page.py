"""The dashboard page: one self-contained HTML file (Jinja2, inline CSS, JS and SVG).

The Content-Security-Policy allows no source at all except inline styles, `data:`
images, and the page's one script, named by its SHA-256 hash: no request can leave
the page, and no script a vendor slipped into the data could run even if it were not
escaped (it is: the template autoescapes every value).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from ..cache import active, digest_of
from .view import view

T = TypeVar("T")

MILESTONES = (5, 10, 20, 50, 100)


def _asset(name: str) -> str:
    return (resources.files("kaic") / "dashboard" / "templates" / name).read_text(encoding="utf-8")


class _StoredTemplates(BytecodeCache):
    """Compiled templates kept in kaic's result cache (when one is in use), keyed by the
    template's name and source checksum; an entry that does not load is compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        store = active()
        found = store.get("templates", digest_of(bucket.key, bucket.checksum)) if store is not None else None
        if isinstance(found, bytes):
            try:
                bucket.bytecode_from_string(found)
            except Exception:
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        store = active()
        if store is not None and bucket.code is not None:
            store.put("templates", digest_of(bucket.key, bucket.checksum), bucket.bytecode_to_string())


@cache
def _environment() -> Environment:
    folder = str(resources.files("kaic") / "dashboard" / "templates")
    return Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, bytecode_cache=_StoredTemplates())


def _drawn(name: str, draw: Callable[[], T], *inputs: Any) -> T:
    """A chart drawn from JSON-able inputs, kept in the result cache by those inputs."""
    store = active()
    if store is None:
        return draw()
    key = digest_of(name, json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str))
    return store.cached("charts", key, draw)


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(script: str) -> str:
    return (f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '{script_hash(script)}'; "
            "base-uri 'none'; form-action 'none'")


def _pace(time_to_nth: list[Mapping[str, Any]]) -> tuple[list[int], list[dict[str, Any]]]:
    if not time_to_nth:
        return [], []
    top = max(len(p["submissions"]) for p in time_to_nth)
    shown = [n for n in MILESTONES if n <= top] or [top]
    rows = []
    for p in time_to_nth:
        cells = []
        for n in shown:
            m = p["submissions"][n - 1] if n <= len(p["submissions"]) else None
            cells.append(f"{m['days']} days ({m['date'][:10]})" if m else "–")
        rows.append({"version": p["version"], "first": p["first"]["date"][:10], "count": len(p["submissions"]),
                     "cells": cells})
    return shown, rows


def _charts() -> Any:
    """The chart module (pygal is imported only when a chart is drawn)."""
    from . import charts

    return charts


def render_dashboard(data: Mapping[str, Any]) -> str:
    """The dashboard for a report's JSON document."""
    v = view(data)
    js = _asset("dashboard.js")
    trends = data.get("trends") or {}
    components = v["components"]
    adoption_svg = (_drawn("adoption_bar", lambda: _charts().adoption_bar(components["projects"],
                                                                           components["submissions"]),
                           components["projects"], components["submissions"])
                    if components and components["projects"] else "")
    timeline = v["timeline"]
    cert_svg = (_drawn("certifications_by_month", lambda: _charts().certifications_by_month(timeline["certifications"]),
                       timeline["certifications"]) if timeline else "")
    drawn_trends = _drawn("trend_charts", lambda: _charts().trend_charts(trends), trends) if trends else []
    pace_ns, pace_rows = _pace(trends.get("time_to_nth", []))
    template = _environment().get_template("dashboard.html.j2")
    return template.render(
        v=v,
        csp=content_security_policy(js),
        # kaic's own stylesheet and script (allowed by its hash), and pygal's SVG (it escapes every label)
        css=Markup(_asset("dashboard.css")),
        js=Markup(js),
        adoption_svg=Markup(adoption_svg),
        cert_svg=Markup(cert_svg),
        trends=[{**c, "svg": Markup(c["svg"])} for c in drawn_trends],
        trends_commits=trends.get("commits", 0),
        pace_ns=pace_ns,
        pace_rows=pace_rows,
    )
