"""Footnoted sentences -> Markdown, through the Jinja2 macros of
report/templates/deepdive.md.j2: each sentence gets one footnote listing its lines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..escape import md_code, md_text
from ..markup import Footnotes

TEMPLATE = "deepdive.md.j2"


def and_join(items: Iterable[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    words = list(items)
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


@cache
def _module() -> Any:
    folder = str(resources.files("kaic") / "report" / "templates")
    env = Environment(loader=FileSystemLoader(folder), autoescape=False, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["t"] = lambda value: md_text(value)
    env.filters["c"] = lambda value: md_code(value)
    env.filters["prefix"] = lambda value, prefix: f"{prefix}{value}"
    env.filters["and_join"] = and_join
    return env.get_template(TEMPLATE).module


def render_sentence(s: Mapping[str, Any], notes: Footnotes) -> str:
    """One sentence, its footnote (the lines behind it) and its period."""
    macro = getattr(_module(), s["kind"])
    text = " ".join(str(macro(s["values"])).split()).rstrip(" .")
    note = notes.cite("; ".join(md_code(r) for r in s["refs"]))
    return f"{text}{note}."
