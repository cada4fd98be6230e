"""Public names of a package, imported from their modules on first use (PEP 562).

A package that re-exports much (kaic, kaic.artifacts) would otherwise load all of it
for a caller that needs one name; start-up time is part of every command's cost.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def exports(package: str, where: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module `__getattr__` and `__dir__` for `package`: `where` maps each public name
    to the submodule (relative, without the dot) that defines it."""
    clash = sorted(name for name, module in where.items() if name == module)
    if clash:  # importing the submodule would rebind the package attribute to the module
        raise ValueError(f"{package}: {', '.join(clash)} would be both a submodule and a lazy export")
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value  # found directly next time
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
