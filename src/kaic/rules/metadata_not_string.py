"""A metadata value is not a string (a number, a list, a mapping, a boolean).

Fails: `platformVersion: 1.30` (a float: YAML drops the trailing zero).
Passes: `platformVersion: "1.30"`.
"""

from collections.abc import Iterator

from ..model import Submission, upstream_reads
from ._api import Context, Hit, Severity, facts

ID = "metadata-not-string"
SEVERITY = Severity.ERROR
HINT = "Quote the value so that YAML reads it as a string."
_KINDS = {"int": "an integer", "float": "a number", "bool": "a boolean", "list": "a list",
          "dict": "a mapping"}


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for field in sub.metadata.values():
        if field.value is not None and not isinstance(field.value, str):
            kind = _KINDS.get(type(field.value).__name__, type(field.value).__name__)
            yield Hit(f"metadata field {field.name} is {kind}, not a string: {field.value!r}", field.line,
                      upstream_fails=upstream_reads(field), facts=facts(field=field.name))
