"""`kaic fix`: the fixes that cannot change meaning, applied as edits to the original text."""

from .engine import Applied, FixResult, fix_text
from .fixers import FIXERS
from .run import fix_submissions
from .write import replace_atomically, unified_diff

__all__ = ["FIXERS", "Applied", "FixResult", "fix_submissions", "fix_text", "replace_atomically",
           "unified_diff"]
