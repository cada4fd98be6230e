"""Renderers: format name -> module with `render(report) -> str | dict[str, str]`.

A renderer returning a string is written to `FILENAME` (default `report.<format>`)
under `--out DIR`, or printed; one returning a dict maps file names to contents.
Adding a format is one line in RENDERERS.
"""

from __future__ import annotations

import importlib
from types import ModuleType

RENDERERS: dict[str, str] = {
    "md": "kaic.report.render.md",
    "json": "kaic.report.render.json",
    "csv": "kaic.report.render.csv",
    "html": "kaic.report.render.html",
}


def renderer(name: str) -> ModuleType:
    """The module for format `name` (imported on first use); KeyError if unknown."""
    return importlib.import_module(RENDERERS[name])


def output_name(name: str, module: ModuleType) -> str:
    return str(getattr(module, "FILENAME", f"report.{name}"))
