"""A metadata key is written in another style than the checklist's (`website_url`).

kaic folds snake_case and camelCase keys to one field, so nothing is lost; the
checklist template uses camelCase and consistent keys keep other tools working.

Fails (info): `website_url:` where the checklist says `websiteUrl:`.
Passes: `websiteUrl:`.
"""

from collections.abc import Iterator

from ..model import UPSTREAM_REQUIRED_METADATA, Submission, upstream_snake
from ._api import Context, Hit, Severity, facts

ID = "metadata-key-style"
SEVERITY = Severity.INFO
HINT = "Use the checklist's key names (camelCase)."
FIX = "Renames the key to the checklist's spelling, unless that key is also present."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for field in sub.metadata.values():
        if field.key != field.name:
            snake = upstream_snake(field.name)
            upstream = field.name in UPSTREAM_REQUIRED_METADATA and field.key != snake
            yield Hit(f"metadata key {field.key} is written for {field.name}", field.line,
                      upstream_fails=upstream, facts=facts(field=field.name, snake=snake))
