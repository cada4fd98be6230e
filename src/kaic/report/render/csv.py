"""The report as CSV files: one per table a section offers (`Section.csv`), neutralised."""

from __future__ import annotations

import csv
import io

from ..build import Report
from ..escape import CSV_DIALECT, csv_row


def render(report: Report) -> dict[str, str]:
    files: dict[str, str] = {}
    for built in report.sections:
        for stem, rows in built.section.csv(built.data).items():
            buffer = io.StringIO()
            writer = csv.writer(buffer, CSV_DIALECT)
            for row in rows:
                writer.writerow(csv_row(list(row)))
            files[f"{stem}.csv"] = buffer.getvalue()
    return files
