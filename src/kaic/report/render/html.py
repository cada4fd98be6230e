"""The report as a self-contained HTML dashboard (`kaic report --format html`)."""

from __future__ import annotations

from ..build import Report

FILENAME = "report.html"


def render(report: Report) -> str:
    from ...dashboard import render_dashboard

    return render_dashboard(report.data)
