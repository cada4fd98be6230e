"""Counted words as kaic writes them: "1 submission", "2 submissions", never "(s)"."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries", "vulnerability": "vulnerabilities", "family": "families",
              "category": "categories", "is": "are", "was": "were", "this": "these"}


def plural_word(word: str, count: int) -> str:
    if count == 1:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "sh", "ch")):
        return word + "es"
    return word + "s"


def plural(count: int, word: str, many: str | None = None) -> str:
    """`plural(1, "file")` -> "1 file"; `plural(3, "file")` -> "3 files"."""
    return f"{count} {word if count == 1 else (many or plural_word(word, count))}"
