"""Renderers of a Review, one module per format: `render(review, **options) -> str`."""

from __future__ import annotations

import importlib
from typing import Any

from ..run import Review

FORMATS = ("md", "json", "github", "sarif")


def render(fmt: str, review: Review, **options: Any) -> str:
    """The review in format `fmt` (one of FORMATS); the module is imported on first use."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown review format {fmt!r}")
    module = importlib.import_module(f"{__name__}.{fmt}")
    text: str = module.render(review, **options)
    return text
