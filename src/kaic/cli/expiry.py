"""`kaic expiry`: certifications expiring soon, already expired or withdrawn, and the
vendors holding no current certification for the newest version."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app
from ._common import OutOpt, SourceOpt, check_format, emit, emit_json, fail, format_option
from .history import AsOfOpt, GroupsOpt, RefArg, day_or_fail, groups_or_fail, run_history

EXPIRY_FORMATS = ("text", "md", "json")


@app.command("expiry")
def expiry_cmd(
    source: SourceOpt = None,
    ref: RefArg = "HEAD",
    within: Annotated[str, typer.Option("--within", help="Window for 'expiring soon': 90d, 12w, 3m, 1y.")] = "90d",
    as_of: AsOfOpt = None,
    fmt: Annotated[str, format_option(EXPIRY_FORMATS, "text")] = "text",
    out: OutOpt = None,
    vendor_groups: GroupsOpt = None,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help="Exit 1 when a certification expires within --within (for scheduled jobs).")] = False,
) -> None:
    """List certifications expiring within --within of --as-of (default today), those already
    expired or withdrawn, and vendors without a current certification for the newest
    version. Exit 0 (with --exit-code: 1 when one expires within --within); 2: usage or
    source error."""
    from ..history import DateError, HistoryOptions, parse_within
    from ..history.data import expiry_data
    from ..history.expiry import expiry
    from ..history.markdown import expiry_md, expiry_text

    fmt = check_format(fmt, EXPIRY_FORMATS)
    try:
        days = parse_within(within)
    except DateError as exc:
        fail(f"--within: {exc}")
    groups = groups_or_fail(vendor_groups)
    options = HistoryOptions(ref=ref, as_of=day_or_fail(as_of, "--as-of"), figures=False, groups=groups)
    h = run_history(source, options)
    data = expiry_data(expiry(h.certifications, h.as_of, days, h.newest_version, groups), h)
    if fmt == "json":
        emit_json(data, out)
    elif fmt == "md":
        emit("# kaic expiry\n\n" + expiry_md(data) + "\n", out)
    else:
        emit(expiry_text(data), out)
    if exit_code and data["expiring"]:
        raise typer.Exit(1)
