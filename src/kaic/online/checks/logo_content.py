"""(online) `productLogoUrl` does not serve an SVG, EPS or AI file (judged by its content).

kaic downloads the first bytes of the logo (bounded) and looks at them: an .svg link
that serves a PNG, or a GitHub page around the file instead of the file itself, is
caught even when the extension looks right.

Fails (warning): `https://example.com/logo.svg` answering with PNG bytes or an HTML page.
Passes: a URL answering with `<svg ...>` (or an EPS/AI file).
"""

from collections.abc import Iterator

from ...model import Submission
from ...rules import Hit, Severity
from ..sniff import VECTOR_KINDS, describe
from ._api import Facts

ID = "logo-content"
SEVERITY = Severity.WARNING
HINT = "Link the raw vector file (.svg, .eps or .ai), e.g. raw.githubusercontent.com, not a web page."


def check(sub: Submission, facts: Facts) -> Iterator[Hit]:
    field = sub.metadata.get("productLogoUrl")
    if field is None:
        return
    found = facts.logos.get(field.text.strip())
    if found is None:
        return
    outcome, kind = found
    if not outcome.klass.verified or kind in VECTOR_KINDS or not kind:
        return
    yield Hit(f"productLogoUrl serves {describe(kind)}, not an SVG, EPS or AI file", field.line)
