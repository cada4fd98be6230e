"""`productLogoUrl` is not an SVG, EPS or AI file.

instructions.md asks for a vector logo that includes the product name. kaic
reads the URL's path; a query or fragment after `.svg` (`logo.svg?raw=true`) is
noted.

Fails (warning): `productLogoUrl: https://example.com/logo.png`;
(info): `https://example.com/logo.svg?raw=true`.
Passes: `productLogoUrl: https://example.com/logo.svg`.
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "logo-format"
SEVERITY = Severity.WARNING
HINT = "Link an .svg (or .eps/.ai) logo that includes the product name."
VECTOR = (".svg", ".eps", ".ai")


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    field = sub.metadata.get("productLogoUrl")
    if field is None or not isinstance(field.value, str):
        return
    value = field.value.strip()
    if not value or value.startswith("["):
        return
    path = urlsplit(value).path.lower()
    raw = field.value  # upstream neither trims nor parses the URL
    upstream = raw.startswith("http") and not raw.lower().endswith(VECTOR)
    known = facts(value=raw)
    if not path.endswith(VECTOR):
        yield Hit(f"productLogoUrl is not .svg/.eps/.ai: {value}", field.line, upstream_fails=upstream, facts=known)
    elif upstream:
        yield Hit(f"productLogoUrl does not end in .svg/.eps/.ai (its query or fragment follows): {value}",
                  field.line, severity=Severity.INFO, upstream_fails=True, facts=known)
