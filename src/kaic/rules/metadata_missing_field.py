"""A required metadata field is absent or empty.

Required are the fields the version's checklist template lists (except the
optional `repoUrl`), plus what the upstream validator requires of every file
today (kubernetesVersion, platformName, platformVersion, vendorName, websiteUrl,
documentationUrl, productLogoUrl, description, contactEmailAddress,
k8sConformanceUrl). A field only the validator asks for is a warning and the
message says so. snake_case keys (`website_url`) count as their camelCase field.

Fails: no `contactEmailAddress` in a 1.35 file.
Passes: every field present with a non-empty value.
"""

from collections.abc import Iterator

from ..model import UPSTREAM_REQUIRED_METADATA, Submission, upstream_snake
from ._api import Context, Hit, Severity, facts

ID = "metadata-missing-field"
SEVERITY = Severity.ERROR
HINT = "Fill in the field; see the checklist's metadata template and instructions.md."
OPTIONAL = ("repoUrl",)


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if not sub.parsed or sub.metadata_line is None:
        return
    asked = [f for f in (ctx.checklist.metadata_fields if ctx.checklist else ()) if f not in OPTIONAL]
    for name in dict.fromkeys((*asked, *UPSTREAM_REQUIRED_METADATA)):
        field = sub.metadata.get(name)
        if field is not None and not (isinstance(field.value, str) and not field.value.strip()) \
                and field.value is not None:
            continue
        state = "is empty" if field is not None else "is missing"
        line = field.line if field is not None else sub.metadata_line
        # upstream: a null counts as missing, "" as empty, and whitespace passes
        case = "missing" if field is None or field.value is None else "empty"
        upstream = name in UPSTREAM_REQUIRED_METADATA and (case == "missing" or field is None or field.value == "")
        known = facts(field=name, snake=upstream_snake(name), case=case)
        if name in asked:
            yield Hit(f"metadata field {name} {state}", line, upstream_fails=upstream, facts=known)
        else:
            checklist = (f"the v{sub.version} checklist does not" if ctx.checklist
                         else f"there is no v{sub.version} checklist")
            yield Hit(
                f"metadata field {name} {state} (only the upstream validator asks for it; "
                f"{checklist})",
                line,
                severity=Severity.WARNING,
                upstream_fails=upstream,
                facts=known,
            )
