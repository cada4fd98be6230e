"""Output formats of `kaic validate`: one module each, `format(result, color=False) -> str`.

A format's module is imported when it is first used: `kaic validate -f json` does not
load the XML library JUnit needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..lint import ValidationResult

Formatter = Callable[..., str]


def _lazy(name: str) -> Formatter:
    def format(result: ValidationResult, *args: Any, **kwargs: Any) -> str:
        module = importlib.import_module(f"{__name__}.{name}")
        text: str = module.format(result, *args, **kwargs)
        return text

    format.__name__ = format.__qualname__ = f"{name}.format"
    format.__doc__ = f"kaic.formats.{name}.format, imported on first use."
    return format


FORMATS: dict[str, Formatter] = {name: _lazy(name) for name in ("text", "json", "github", "sarif", "junit")}

__all__ = ["FORMATS", "Formatter"]
