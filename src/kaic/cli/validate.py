"""`kaic validate`: findings for every submission, or the ones given or changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..formats import FORMATS
from ..source import SourceError
from . import app
from ._common import (
    BaselineOpt,
    FailOnOpt,
    IgnoreOpt,
    NoCacheOpt,
    OutOpt,
    RefOpt,
    SelectOpt,
    SourceOpt,
    WriteBaselineOpt,
    check_format,
    did_you_mean,
    emit,
    fail,
    fail_on_or_fail,
    format_option,
    open_or_fail,
    restrict_or_fail,
    result_cache,
    set_aside_accepted,
    use_color,
    write_accepted,
)

KEPT = "validate-output"


@app.command("validate")
def validate_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Submission files or folders (default: all).")] = None,
    source: SourceOpt = None,
    ref: RefOpt = None,
    changed: Annotated[str | None, typer.Option("--changed", help="Only submissions changed since this base ref.")] = None,
    fmt: Annotated[str, format_option(tuple(FORMATS), "text")] = "text",
    config: Annotated[Path | None, typer.Option("--config", help="A YAML rule configuration file.")] = None,
    out: OutOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    fail_on: FailOnOpt = "error",
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    policy: Annotated[str, typer.Option(
        "--policy", help="kaic (kaic's severities) | upstream (predict the upstream validator's CI "
        "verdict) | faq (upstream, but N/A on a conditional MUST with notes is a warning)")] = "kaic",
    fix: Annotated[bool, typer.Option("--fix", help="First apply the fixes that cannot change meaning.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="With --fix: print the fixes as a diff, write nothing.")] = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Validate and lint submissions. Findings suppressed in their PRODUCT.yaml
    (`# kaic: ignore[rule-id] reason`) or accepted in --baseline are not reported.
    Exit 0: no finding at --fail-on (default: error); 1: some; 2: usage or source error."""
    from .. import cache
    from ..config import ConfigError, load_config
    from ..policy import POLICIES

    with result_cache(no_cache):
        fmt = check_format(fmt, tuple(FORMATS))
        threshold = fail_on_or_fail(fail_on)
        if policy not in POLICIES:
            hint = did_you_mean(policy, POLICIES)
            fail(f"unknown policy {policy!r}", (hint + " " if hint else "") + "use one of: " + ", ".join(POLICIES))
        src = open_or_fail(source, ref, quiet=fmt != "text")  # the others record their source
        if paths or changed:
            from ..select import base_source, by_change, by_paths
        try:
            # On a pull request the head is untrusted: its .kaic.yaml must not switch rules off.
            trusted = base_source(src, changed) if changed else src
            cfg = load_config(trusted, config, working_folder=not changed)
        except (ConfigError, SourceError) as exc:
            fail(getattr(exc, "message", str(exc)), getattr(exc, "hint", ""))
        cfg = restrict_or_fail(cfg, select, ignore)
        color = out is None and use_color()
        # A whole run (no selection, baseline or fix) is kept with its output and exit code,
        # under everything it depends on: the data files, source, configuration and options.
        whole = not (paths or changed or fix or baseline is not None or write_baseline is not None)
        store = cache.active() if whole else None
        key = None
        if store is not None:
            tree = cache.tree_digest(src)
            key = cache.digest_of(src.info, tree, cfg, fmt, color, policy, threshold) if tree else None
            kept = store.get(KEPT, key) if key else None
            if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], str) and kept[1] in (0, 1):
                emit(kept[0], out, styled=color)
                raise typer.Exit(kept[1])
        from ..lint import (  # a run kept whole needs neither rules nor parser
            INTERNAL_ERROR,
            validate,
        )
        from ..load import load_state

        try:
            state = load_state(src)
            chosen = state.submissions
            if paths:
                chosen = tuple(by_paths(state, src, paths))
                if not chosen:
                    fail("no submission matches " + ", ".join(paths))
            if changed:
                changed_subs = set(s.path for s in by_change(state, src, changed))
                chosen = tuple(s for s in chosen if s.path in changed_subs)
        except SourceError as exc:
            fail(exc.message, exc.hint)
        if fix:
            from .fix import refix_and_reload

            state, chosen = refix_and_reload(src, state, chosen, config, diff)
        found = validate(state, cfg, chosen, policy)
        if write_baseline is not None:  # every finding of today is accepted, those of --baseline too
            write_accepted(set_aside_accepted(found, src, None), write_baseline)
        result = set_aside_accepted(found, src, baseline)
        text = FORMATS[fmt](result, color=color)
        from ..accept import fails

        code = 1 if fails(result.findings, threshold) else 0
        if store is not None and key is not None and not any(f.rule == INTERNAL_ERROR for f in found.findings):
            store.put(KEPT, key, (text, code))
        emit(text, out, styled=color)
        raise typer.Exit(code)
