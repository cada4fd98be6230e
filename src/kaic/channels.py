"""Text made safe for the output channel it is bound for: a terminal, or JSON.

Every writer goes through these two functions, so a new field or a new format is
safe without thinking about it:

* `terminal(text)` — anything printed to stdout or stderr. Control characters that a
  terminal interprets (ESC and so every CSI/OSC sequence, the other C0 controls but
  tab and newline, DEL, the C1 controls U+0080–U+009F), the bidirectional overrides
  and isolates (which reorder what the reader sees) and the Unicode line and paragraph
  separators are shown as the `\\uXXXX` escape that names them. A vendor's text can
  therefore neither erase a line and forge another, nor set the window title or the
  clipboard, nor reverse a word. The escape is JSON's own, so JSON printed to a
  terminal stays valid JSON with the same value.
* `json_text(data)` — JSON as kaic writes it: UTF-8 kept readable, but C1 controls,
  U+2028/U+2029 (line breaks to JavaScript) and the bidi controls escaped, and
  unpaired surrogates (file names that are not UTF-8) written as `\\udcXX` so the
  output always encodes.
"""

from __future__ import annotations

import json
import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_SEPARATORS = "\u2028\u2029"
_C1 = "\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"

_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_C1}{_BIDI}{_SEPARATORS}{_SURROGATES}]")
# JSON's encoder already escapes C0 (and DEL is harmless to a parser but not to a terminal)
_JSON_UNSAFE = re.compile(f"[{_C1}{_BIDI}{_SEPARATORS}{_SURROGATES}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal(text: str) -> str:
    """`text` with every character a terminal would act on written as a visible `\\uXXXX`.

    Tab and newline stay (they only move the cursor forward); a bare carriage return
    does not (it returns to the start of the line, over what was printed).
    """
    return _TERMINAL_UNSAFE.sub(_escape, text)


def json_text(data: object, *, indent: int | None = None) -> str:
    """`data` as JSON that is safe to embed, print or parse anywhere (see the module doc)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(_escape, text)
