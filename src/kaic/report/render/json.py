"""The report as JSON: `Report.data`, which follows data/schemas/report.schema.json.

Written on one line with the C encoder (an indented dump takes several times longer);
pipe it through `jq` or `python -m json.tool` to read it.
"""

from __future__ import annotations

from ...channels import json_text
from ..build import Report

FILENAME = "report.json"


def render(report: Report) -> str:
    return json_text(report.data) + "\n"
