"""`productLogoUrl` is not an SVG, EPS or AI file.

instructions.md asks for a vector logo that includes the product name.

Fails (warning): `productLogoUrl: https://example.com/logo.png`.
Passes: `productLogoUrl: https://example.com/logo.svg`.
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..model import Submission
from ._api import Context, Hit, Severity

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
    if not path.endswith(VECTOR):
        yield Hit(f"productLogoUrl is not .svg/.eps/.ai: {value}", field.line)
