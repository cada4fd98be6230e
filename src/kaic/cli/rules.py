"""`kaic rules [ID]`: the rules and their documentation."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..policy import checks, describe, upstream_of
from ..rules import RULES, Rule
from . import app
from ._common import fail

if TYPE_CHECKING:
    from ..online.checks import OnlineRule


@app.command("rules")
def rules_cmd(rule_id: Annotated[str | None, typer.Argument(help="Show one rule in full.")] = None) -> None:
    """List every rule with its id, severity and summary, or show one rule's documentation."""
    from rich.console import Console
    from rich.table import Table

    from ..online.checks import ONLINE_RULES

    catalog: dict[str, Rule | OnlineRule] = {**RULES, **ONLINE_RULES}
    console = Console()
    if rule_id:
        rule = catalog.get(rule_id)
        if rule is None:
            fail(f"no rule {rule_id!r}", "run `kaic rules` for the list")
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


def _upstream_column(rule_id: str) -> str:
    """What the upstream validator does with the rule's input (data/policies.yaml)."""
    up = upstream_of(rule_id)
    return f"{up.verdict} (some)" if up.only_when and checks(rule_id) else up.verdict
