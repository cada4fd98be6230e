"""Baselines (a state's inventory and fingerprints, as JSON) and deltas between two of them."""

from .diff import diff, is_empty
from .read import BaselineError, as_baseline, read_baseline
from .render import DIFF_FORMATS, RENDER, side_label
from .snapshot import BASELINE_VERSION, snapshot

__all__ = [
    "BASELINE_VERSION",
    "DIFF_FORMATS",
    "RENDER",
    "BaselineError",
    "as_baseline",
    "diff",
    "is_empty",
    "read_baseline",
    "side_label",
    "snapshot",
]
