"""Shared by the component sections: the memoised component analysis and small helpers."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path

from ...components.analysis import ComponentAnalysis, analyse_components
from ...components.catalog import Catalog, load_catalog
from ..section import ReportContext


def component_analysis(ctx: ReportContext) -> ComponentAnalysis:
    """Detection, evidence, solutions and gaps of every submission, computed once per report.

    `ctx.options["catalog"]` may hold a Catalog or a path to another catalog file.
    """

    def compute() -> ComponentAnalysis:
        return analyse_components(ctx.state, ctx.validation, report_catalog(ctx.options))

    return ctx.memo("components", compute)


def report_catalog(options: Mapping[str, object]) -> Catalog:
    """The catalog a report reads: `options["catalog"]` (a Catalog or a file), else the shipped one."""
    chosen = options.get("catalog")
    return chosen if isinstance(chosen, Catalog) else load_catalog(Path(str(chosen)) if chosen else None)


def product(path: str) -> str:
    """v1.34/gke/PRODUCT.yaml -> gke."""
    return posixpath.basename(posixpath.dirname(path)) or path


def pct(part: int, whole: int) -> float:
    """A share in percent with one decimal, for JSON (0.0 when whole is 0)."""
    return round(100.0 * part / whole, 1) if whole else 0.0
