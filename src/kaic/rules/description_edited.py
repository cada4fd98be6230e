"""A requirement description differs from the checklist's.

The instructions forbid changing `id`, `description` and `level`. Whitespace and
line folding are ignored; the message shows where the texts part.

Fails: a description with a sentence added by the vendor.
Passes: the checklist's description, re-wrapped.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, fold, shorten

ID = "description-edited"
SEVERITY = Severity.WARNING
HINT = "Restore the checklist's description; put your own words in notes."
FIX = "Puts the checklist's description back (notes keep the vendor's words)."


def word_diff(old: str, new: str) -> str:
    """A short '-removed +added' view of the first place two texts differ."""
    import difflib

    a, b = old.split(), new.split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        parts = []
        if i2 > i1:
            parts.append("-\"" + shorten(" ".join(a[i1:i2]), 60) + "\"")
        if j2 > j1:
            parts.append("+\"" + shorten(" ".join(b[j1:j2]), 60) + "\"")
        context = shorten(" ".join(a[max(0, i1 - 4) : i1]), 40)
        return (f"after \"{context}\": " if context else "") + " ".join(parts)
    return ""


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        req = ctx.requirement(a.id)
        if req is None or a.description is None:
            continue
        if fold(a.description) != fold(req.description):
            yield Hit(
                f"description of {a.id} differs from the checklist: {word_diff(req.description, a.description)}",
                a.description_line or a.line,
                a.id,
            )
