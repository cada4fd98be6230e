"""`kaic rules [ID]`: the rules (file rules, online checks, pull-request checks) and their documentation."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from ._common import check_format, did_you_mean, emit_json, envelope, fail, format_option, use_color

RULES_FORMATS = ("text", "json")

if TYPE_CHECKING:
    from ..online.checks import OnlineRule
    from ..review.data import Check
    from ..rules import Rule


@app.command("rules")
def rules_cmd(
    rule_id: Annotated[str | None, typer.Argument(help="Show one rule in full (any case).")] = None,
    fmt: Annotated[str, format_option(RULES_FORMATS, "text")] = "text",
) -> None:
    """List every rule with its id, severity and summary, or show one rule's documentation."""
    from rich.console import Console
    from rich.table import Table

    from ..online.checks import ONLINE_RULES
    from ..policy import describe
    from ..review.data import review_data
    from ..rules import RULES

    fmt = check_format(fmt, RULES_FORMATS)
    catalog: dict[str, Rule | OnlineRule | Check] = {**RULES, **ONLINE_RULES, **review_data().checks}
    console = Console(no_color=not use_color())
    if fmt == "json":
        chosen = [catalog[_one(rule_id, catalog)]] if rule_id else list(catalog.values())
        rows = [{"id": r.id, "severity": r.severity.value, "upstream": _upstream_column(r.id), "summary": r.summary,
                 "hint": r.hint, "doc": r.doc.strip()} for r in chosen]
        emit_json(envelope("kaic-rules", {"rules": rows}, source=None, summary={"rules": len(rows)}), None)
        return
    if rule_id:
        rule = catalog[_one(rule_id, catalog)]
        console.print(f"[bold]{rule.id}[/bold]  ({rule.severity.value})", highlight=False)
        console.print(rule.doc.strip(), markup=False, highlight=False)
        console.print(f"\nFix: {rule.hint}", markup=False, highlight=False)
        console.print(f"\n{describe(rule.id)}", markup=False, highlight=False)
        console.print(f"kaic fix: {getattr(rule, 'fix', None) or 'no automatic fix'}", markup=False, highlight=False)
        return
    if not sys.stdout.isatty():  # piped: one tab-separated line per rule, never cut
        for rule in catalog.values():
            print(f"{rule.id}\t{rule.severity.value}\t{_upstream_column(rule.id)}\t"
                  f"{'fix' if getattr(rule, 'fix', None) else '-'}\t{rule.summary}")
        return
    table = Table("rule", "severity", "upstream", "fix", "checks")
    for rule in catalog.values():
        table.add_row(rule.id, rule.severity.value, _upstream_column(rule.id),
                      "yes" if getattr(rule, "fix", None) else "", rule.summary)
    console.print(table)


def _one(rule_id: str, catalog: Mapping[str, object]) -> str:
    """The id of the rule `rule_id` names, in any case; a usage error with a suggestion if none."""
    folded = {rid.lower(): rid for rid in catalog}
    found = folded.get(rule_id.strip().lower())
    if found is None:
        hint = did_you_mean(rule_id, catalog)
        fail(f"no rule {rule_id!r}", (hint + " " if hint else "") + "run `kaic rules` for the list")
    return found


def _upstream_column(rule_id: str) -> str:
    """What the upstream validator does with the rule's input (data/policies.yaml)."""
    from ..policy import checks, upstream_of

    up = upstream_of(rule_id)
    return f"{up.verdict} (some)" if up.only_when and checks(rule_id) else up.verdict
