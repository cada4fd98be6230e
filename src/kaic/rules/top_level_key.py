"""The file has a top-level key besides `metadata` and `spec`.

Such a key is ignored by every tool that reads the file. When it names a metadata
field (`contact_email_address` at the top level), it was meant to sit under
`metadata` and the field counts as missing there.

Fails: `contactEmailAddress: team@example.com` at the top level.
Passes: the key indented under `metadata:`.
"""

from collections.abc import Iterator

from ..model import UPSTREAM_REQUIRED_METADATA, Submission, canonical_field
from ._api import Context, Hit, Severity

ID = "top-level-key"
SEVERITY = Severity.WARNING
HINT = "Move metadata fields under `metadata:`; remove other keys."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    known = (*(ctx.checklist.metadata_fields if ctx.checklist else ()), *UPSTREAM_REQUIRED_METADATA)
    for key, line in sub.extra_keys:
        name = canonical_field(key, known)
        if name in known:
            yield Hit(f"top-level key {key} is the metadata field {name}; it belongs under metadata", line)
        else:
            yield Hit(f"unknown top-level key {key}", line)
