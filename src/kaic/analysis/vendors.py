"""Vendor identity: one vendor however its `vendorName` is spelled across submissions.

Folding: case, runs of whitespace, one trailing parenthetical ("Amazon Web Services
(AWS)" -> "amazon web services", also with full-width parentheses) and one trailing
legal form ("Tidewater Compute Inc." -> "tidewater compute"). Nothing else is merged:
two names that fold differently are two vendors.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each starts where a run of spaces (and commas) does, so a long run is scanned once: linear.
_PARENTHETICAL = re.compile(r"(?<!\s)\s*[(（][^()（）]*[)）]\s*$")
_LEGAL_FORM = re.compile(
    r"(?<![\s,])(?:,?\s+)(?:inc|incorporated|ltd|limited|llc|gmbh|corp|corporation|plc|co)\.?$"
)


@lru_cache(maxsize=4096)
def fold_vendor(name: str) -> str:
    """The key two spellings of one vendor share; "" for a blank name."""
    folded = " ".join(name.split()).casefold()
    stripped = _PARENTHETICAL.sub("", folded).strip()
    folded = stripped or folded  # "(AWS)" alone keeps its text
    without_form = _LEGAL_FORM.sub("", folded).strip(" ,")
    return without_form or folded


def fold_platform(name: str) -> str:
    """Platform names fold like vendor names (case and whitespace only)."""
    return " ".join(name.split()).casefold()
