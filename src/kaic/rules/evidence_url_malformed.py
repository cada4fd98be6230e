"""An evidence link is malformed: several URLs in one item, spaces, or stray brackets.

One list item should hold one URL. Items such as `https://a.example/x,
https://b.example/y` or a link ending in `]` or `)` left over from Markdown are
not clickable as written and hide the second link from link checkers.

Fails (warning): `- "https://example.com/a, https://example.com/b"`, `- "https://example.com/a]"`,
`- " https://example.com/a"` (spaces around the link).
Passes: `- "https://example.com/a"` and `- "https://example.com/b"` as two items.
"""

import re
from collections.abc import Iterator

from ..model import EvidenceKind, Submission
from ._api import Context, Hit, Severity

ID = "evidence-url-malformed"
SEVERITY = Severity.WARNING
HINT = "Put one URL per evidence item, without spaces, quotes or Markdown brackets."
FIX = "Splits an item made only of several URLs into one item per URL; trims spaces around a URL."
# A separator followed by a scheme, searched from the second character on. Each attempt
# starts at a separator and scans the word that follows once: linear in the URL's length
# (the former `.+?[\s,;]+...` match was quadratic: 20,000 commas took seconds).
_SECOND_URL = re.compile(r"[\s,;]\w[\w+.-]*://")
_TRAILING = re.compile(r"[\]\)>\"'`]$")
_SPACE = re.compile(r"\s")  # the characters str.isspace() tells, found without a Python loop


def _balanced(url: str, close: str, open_: str) -> bool:
    return url.count(close) <= url.count(open_)


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.kind is not EvidenceKind.URL:
                continue
            url = e.raw.strip()
            if _SECOND_URL.search(url, 1):
                yield Hit(f"evidence item of {a.id} holds several URLs: {url}", e.line, a.id or None)
            elif _SPACE.search(url):
                yield Hit(f"evidence URL of {a.id} contains spaces: {url}", e.line, a.id or None)
            elif _TRAILING.search(url) and not (_balanced(url, "]", "[") and _balanced(url, ")", "(")
                                                 and url[-1] not in "\"'`>"):
                yield Hit(f"evidence URL of {a.id} ends in a stray {url[-1]!r}: {url}", e.line, a.id or None)
            elif url != e.raw:
                yield Hit(f"evidence URL of {a.id} has spaces around it: {e.raw!r}", e.line, a.id or None)
