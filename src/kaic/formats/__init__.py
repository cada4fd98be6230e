"""Output formats of `kaic validate`: one module each, `format(result, color=False) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from ..validate import ValidationResult
from . import github, json, junit, sarif, text

Formatter = Callable[..., str]

FORMATS: dict[str, Formatter] = {
    "text": text.format,
    "json": json.format,
    "github": github.format,
    "sarif": sarif.format,
    "junit": junit.format,
}

__all__ = ["FORMATS", "Formatter", "ValidationResult"]
