"""`kaic init vX.Y/<product> [--from vA.B/<old>]`: start or renew a submission."""

from __future__ import annotations

from typing import Annotated

import typer

from ..channels import terminal
from ..source import ReadRefused, SourceError
from . import app
from ._checkout import checkout_or_fail
from ._common import fail

_SHORT = {"--vendor": "vendorName", "--platform": "platformName", "--platform-version": "platformVersion"}


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _values(vendor: str | None, platform: str | None, platform_version: str | None,
            sets: list[str] | None) -> dict[str, str]:
    values = {}
    for name, value in zip(_SHORT.values(), (vendor, platform, platform_version), strict=True):
        if value is not None:
            values[name] = value
    for item in sets or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip().isidentifier():
            fail(f"--set {item!r} is not FIELD=VALUE", "e.g. --set websiteUrl=https://example.com/product")
        values[key.strip()] = value
    return values


@app.command("init")
def init_cmd(
    target: Annotated[str, typer.Argument(help="The new submission: vX.Y/<product>.")],
    old: Annotated[str | None, typer.Option("--from", help="Renew this submission: vA.B/<product>.")] = None,
    vendor: Annotated[str | None, typer.Option("--vendor", help="metadata.vendorName")] = None,
    platform: Annotated[str | None, typer.Option("--platform", help="metadata.platformName")] = None,
    platform_version: Annotated[str | None, typer.Option("--platform-version", help="metadata.platformVersion")] = None,
    sets: Annotated[list[str] | None, typer.Option("--set", help="Any metadata field: FIELD=VALUE (repeatable).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing PRODUCT.yaml.")] = False,
    copy: Annotated[bool, typer.Option("--copy-evidence", help="With --from: copy the local evidence files the old answers cite.")] = False,
    source: Annotated[str | None, typer.Option("--source", "-s", help="The checkout (default: here).")] = None,
) -> None:
    """Write vX.Y/<product>/PRODUCT.yaml from the checklist, or renew an old submission into it."""
    from ..author import (
        PlaceError,
        copy_evidence,
        new_product,
        product_target,
        renew,
        renewal_summary,
        write_product,
    )
    from ..load import load_state

    src = checkout_or_fail(source)
    try:
        where = product_target(target)
        state = load_state(src)
    except PlaceError as exc:
        fail(exc.message, exc.hint)
    except SourceError as exc:
        fail(exc.message, exc.hint)
    checklist = state.checklists.get(where.version)
    if checklist is None or checklist.error:
        fail(f"no usable checklist docs/AIConformance-{where.version}.yaml",
             checklist.error if checklist and checklist.error else "kaic init needs the version's checklist")
    try:
        checklist_text = src.read(checklist.path).decode("utf-8", "replace")
    except ReadRefused as exc:
        fail(exc.message)
    values = _values(vendor, platform, platform_version, sets)
    if old is None:
        if copy:
            fail("--copy-evidence needs --from")
        text = new_product(checklist, checklist_text, where.folder, values)
        renewal = None
    else:
        try:
            before = product_target(old)
        except PlaceError as exc:
            fail(exc.message, exc.hint)
        found = next((s for s in state.submissions if s.path == before.path), None)
        if found is None or not found.parsed:
            fail(f"{before.path} is missing or kaic cannot read it", "run kaic validate on it first")
        if before.folder == where.folder:
            fail("--from names the submission being written")
        renewal = renew(found, state.checklists.get(before.version), checklist, checklist_text,
                        where.folder, values, retarget=copy)
        text = renewal.text
    try:
        write_product(src.root, where, text, force)
    except PlaceError as exc:
        fail(exc.message, exc.hint)
    except OSError as exc:
        fail(f"cannot write {where.path}: {exc.strerror or exc}")
    typer.echo(terminal(f"Wrote {where.path} (checklist v{checklist.version}, {len(checklist.requirements)} requirements)."))
    if renewal is None:
        typer.echo(terminal(f"Next: fill in the metadata and every requirement, then run: kaic validate {where.folder}"))
        return
    copied = copy_evidence(src, src.root, renewal.evidence_files, renewal.old.folder, where) if copy else []
    for line in renewal_summary(renewal, copied, copy):
        typer.echo(terminal(_printable(line)))  # vendor text: no terminal escape sequences
