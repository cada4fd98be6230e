"""The dashboard's charts: SVG rendered in Python by pygal, inlined in the page.

pygal draws; this module only chooses the chart, the series and a style that follows
the page's colours (`currentColor`, transparent backgrounds) so light and dark themes
both read. pygal's own script (a config blob and a tooltip loader from its web site)
is left out: the page runs no script but its own, and loads nothing. Each chart gets
a stable id instead of pygal's random one, so the same report makes the same page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import pygal
from pygal.style import Style

from ..model import version_key

PALETTE = ("#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#ec4899", "#84cc16",
           "#f97316", "#14b8a6", "#a855f7", "#eab308", "#64748b", "#0ea5e9")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif'

STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="currentColor",
    foreground_strong="currentColor",
    foreground_subtle="rgba(128,128,128,.35)",
    opacity=".85",
    opacity_hover="1",
    transition="0ms",
    colors=PALETTE,
    font_family=FONT,
    title_font_family=FONT,
    label_font_family=FONT,
    major_label_font_family=FONT,
    value_font_family=FONT,
    value_label_font_family=FONT,
    tooltip_font_family=FONT,
    legend_font_family=FONT,
    no_data_font_family=FONT,
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
    title_font_size=15,
    value_font_size=11,
    no_data_font_size=16,
)

_COMMON: dict[str, Any] = {
    "style": STYLE,
    "js": [],
    "disable_xml_declaration": True,
    "explicit_size": False,
    "width": 860,
    "height": 380,
    "legend_at_bottom": True,
    "legend_at_bottom_columns": 4,
    "truncate_legend": 40,
    "truncate_label": 40,
    "margin": 12,
    "legend_box_size": 14,
    "spacing": 10,
    "no_data_text": "No data",
}
TREND_SIZE: dict[str, Any] = {"width": 640, "height": 420, "legend_at_bottom_columns": 3}
_PYGAL_SCRIPT = re.compile(r"<script[^>]*>.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CHART_ID = re.compile(r'id="chart-([0-9a-f-]{36})"')


def _options(**overrides: Any) -> dict[str, Any]:
    return {**_COMMON, **overrides}


def svg(chart: Any, key: str) -> str:
    """The chart as an inline <svg> element: no script, no comments, a stable id."""
    config = chart.config
    series = len(getattr(chart, "raw_series", ()))
    columns = config.legend_at_bottom_columns
    if config.legend_at_bottom and config.show_legend and columns and series % columns:
        # pygal sizes a bottom legend for floor(series / columns) rows: room for the last one
        row = 1.5 * max(STYLE.legend_font_size, config.legend_box_size)
        config.margin_bottom = int(config.margin + row + 4)
    out = chart.render(is_unicode=True)
    out = _PYGAL_SCRIPT.sub("", out)
    out = _COMMENT.sub("", out)
    m = _CHART_ID.search(out)
    if m:
        out = out.replace(m.group(1), key)
    return out.replace('class="pygal-chart"', 'class="pygal-chart" role="img" focusable="false"', 1)


def _day(iso: str) -> date:
    from ..history.dates import day_of

    return day_of(iso)


def _daily(points: Sequence[Mapping[str, Any]], total: str | None = None) -> list[tuple[date, Mapping[str, Any]]]:
    """The last point of each day, in order (a day with several merges shows its end),
    from the first day where `total` (a key of the point) is not zero."""
    days: dict[date, Mapping[str, Any]] = {}
    for p in points:
        if total is not None and not days and not p.get(total):
            continue
        days[_day(p["date"])] = p
    return list(days.items())


def _month_starts(days: Sequence[date]) -> list[date]:
    if not days:
        return []
    first, last = min(days), max(days)
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        if date(y, m, 1) >= first:
            out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    step = max(1, -(-len(out) // 8))  # at most about eight labels
    return out[::step]


def _date_line(title: str, days: Sequence[date], **extra: Any) -> Any:
    chart = pygal.DateLine(**_options(**{**TREND_SIZE, "title": title, "x_label_rotation": 0, "dots_size": 2.5,
                                         **extra}))
    chart.x_labels = _month_starts(days)
    chart.x_value_formatter = lambda d: d.strftime("%b %Y") if d.day == 1 else d.strftime("%Y-%m-%d")
    return chart


def adoption_bar(projects: Sequence[Mapping[str, Any]], total: int, top: int = 15) -> str:
    chosen = list(projects)[:top]
    chart = pygal.HorizontalBar(**_options(height=max(220, 30 * len(chosen) + 80), show_legend=False,
                                           title=f"Submissions naming each project (of {total})",
                                           print_values=True, print_values_position="top"))
    chart.x_labels = [str(p["name"]) for p in reversed(chosen)]
    chart.add("Submissions", [int(p["stacks"]) for p in reversed(chosen)])
    return svg(chart, "adoption")


MAX_MONTHS = 240
"""A month chart spans at most this many months from its first (a commit dated in year
9999 must not draw eight thousand years of empty bars)."""


def _months(first: date, last: date) -> list[str]:
    out: list[str] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month) and len(out) < MAX_MONTHS:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def certifications_by_month(certs: Sequence[Mapping[str, Any]]) -> str:
    """Certifications granted and lapsing each month (withdrawn ones do not lapse)."""
    if not certs:
        return ""
    granted = [_day(c["certified"]["date"]) for c in certs]
    lapsing = [_day(c["expires"]) for c in certs if not c.get("withdrawn")]
    months = _months(min(granted), max([*granted, *lapsing]))
    chart = pygal.Bar(**_options(height=400, title="Certifications per month: granted (merged) and expiring",
                                 x_label_rotation=-40, legend_at_bottom=False))
    chart.x_labels = months
    chart.add("Certified", [sum(1 for d in granted if d.strftime("%Y-%m") == m) or None for m in months])
    chart.add("Expiring", [sum(1 for d in lapsing if d.strftime("%Y-%m") == m) or None for m in months])
    return svg(chart, "certifications-by-month")


def submissions_over_time(spv: Mapping[str, Any]) -> str:
    days = _daily(spv["points"], "total")
    chart = _date_line("Submissions on the main line, per Kubernetes version", [d for d, _ in days])
    for version in sorted(spv["versions"], key=version_key):
        chart.add(f"v{version}", [(d, int(p["counts"].get(version, 0))) for d, p in days])
    chart.add("All versions", [(d, int(p["total"])) for d, p in days])
    return svg(chart, "submissions-over-time")


def rates_over_time(rr: Mapping[str, Any]) -> str:
    days = [(d, p) for d, p in _daily(rr["points"]) if any(v is not None for v in p["rates"].values())]
    series = {rid: [(d, round(100 * p["rates"][rid], 1)) for d, p in days if p["rates"].get(rid) is not None]
              for rid in rr["requirements"]}
    lowest = min((v for values in series.values() for _, v in values), default=0.0)
    floor = max(0, int(lowest // 10) * 10 - 10)  # the axis starts below the lowest rate, and says so
    chart = _date_line(f"Implementation rate per requirement (% Implemented; axis from {floor}%)",
                       [d for d, _ in days], range=(floor, 100), value_formatter=lambda v: f"{v:.0f}%",
                       legend_at_bottom_columns=2, height=460)
    for rid, values in series.items():
        if values:
            chart.add(str(rid), values)
    return svg(chart, "rates-over-time")


def adoption_over_time(ca: Mapping[str, Any]) -> str:
    days = _daily(ca["points"], "submissions")
    chart = _date_line("Submissions naming each of the top projects", [d for d, _ in days],
                       legend_at_bottom_columns=3)
    for project in ca["projects"]:
        chart.add(str(project["name"]), [(d, int(p["counts"].get(project["repo"], 0))) for d, p in days])
    return svg(chart, "adoption-over-time")


def pace(time_to_nth: Iterable[Mapping[str, Any]]) -> str:
    chart = pygal.XY(**_options(**TREND_SIZE, title="The n-th submission of each version, days after its first",
                                stroke=True, dots_size=3, x_title="days after the version's first submission",
                                y_title="submissions"))
    for entry in sorted(time_to_nth, key=lambda e: version_key(e["version"])):
        chart.add(f"v{entry['version']}", [(int(m["days"]), int(m["n"])) for m in entry["submissions"]])
    return svg(chart, "pace")


def trend_charts(trends: Mapping[str, Any]) -> list[dict[str, str]]:
    """(key, title, svg) of every trend chart the data allows."""
    out = []
    spv = trends.get("submissions_per_version") or {}
    if spv.get("points"):
        out.append({"key": "submissions", "title": "Submissions per version", "svg": submissions_over_time(spv)})
    rr = trends.get("requirement_rates") or {}
    if rr.get("points") and rr.get("requirements"):
        out.append({"key": "rates", "title": "Requirement implementation rates", "svg": rates_over_time(rr)})
    ca = trends.get("component_adoption") or {}
    if ca.get("points") and ca.get("projects"):
        out.append({"key": "adoption", "title": "Component adoption", "svg": adoption_over_time(ca)})
    if trends.get("time_to_nth"):
        out.append({"key": "pace", "title": "Time to the n-th submission", "svg": pace(trends["time_to_nth"])})
    return out
