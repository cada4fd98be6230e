"""`kaic catalog [NAME]`: the component catalog kaic detects, and its check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..channels import terminal
from . import app
from ._common import emit, fail

if TYPE_CHECKING:
    from ..components.catalog import Entry

FileOpt = Annotated[
    Path | None, typer.Option("--file", "-f", help="Another catalog file (default: the one shipped with kaic).")
]


def _entry_dict(e: Entry) -> dict[str, object]:
    return {
        "kind": e.kind.value,
        "key": e.key,
        "name": e.name,
        "repo": e.repo,
        "aliases": list(e.aliases),
        "case_sensitive": list(e.case_sensitive),
        "patterns": list(e.patterns),
        "exclude": list(e.exclude),
        "url_prefixes": list(e.url_prefixes),
        "api_groups": list(e.api_groups),
        "category": e.category,
        "roles": list(e.roles),
        "license": e.license,
        "cncf": e.cncf,
        "steward": e.steward,
        "open_source": e.open_source,
        "vendor": e.vendor,
        "description": e.description,
    }


def _matches(e: Entry, query: str) -> bool:
    q = query.strip().lower()
    return q in (e.key.lower(), e.name.lower(), (e.repo or "").lower()) or q in (a.lower() for a in e.aliases)


@app.command("catalog")
def catalog_cmd(
    name: Annotated[str | None, typer.Argument(help="Show one entry (name, alias or owner/name repo).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Validate the catalog (schema, repo form, unique "
                                        "aliases); exit 1 on problems.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    file: FileOpt = None,
) -> None:
    """List the component catalog (projects, accelerators, techniques, managed services)."""
    import yaml
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from ..components.catalog import CatalogError, check_data, default_path, read_catalog

    path = file or default_path()
    if not path.is_file():
        fail(f"no catalog at {path}")
    if check:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            typer.echo(terminal(f"{path}: not YAML: {exc}"))
            raise typer.Exit(1) from None
        problems = check_data(data)
        for p in problems:
            typer.echo(terminal(f"{path}: {p}"))
        if problems:
            raise typer.Exit(1)
        counts = {k: len(data.get(k) or []) for k in ("projects", "accelerators", "techniques", "managed_services")}
        typer.echo(terminal(f"{path}: ok (" + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()) + ")"))
        return
    try:
        catalog = read_catalog(path)
    except CatalogError as exc:
        fail(f"the catalog {path} is invalid: {exc.problems[0]}", "run `kaic catalog --check` for every problem")
    entries = [e for e in catalog.entries if name is None or _matches(e, name)]
    if name is not None and not entries:
        fail(f"no catalog entry {name!r}", "run `kaic catalog` for the list")
    if fmt == "json":
        from ..channels import json_text

        emit(json_text([_entry_dict(e) for e in entries], indent=2), None)
        return
    if fmt != "table":
        fail(f"unknown format {fmt!r}", "use table or json")
    # Piped or redirected: a wide console, so cells are never cut to a terminal's width.
    console = Console() if sys.stdout.isatty() else Console(width=400, soft_wrap=True)
    if name is not None:
        for e in entries:
            for key, value in _entry_dict(e).items():
                shown = ", ".join(map(str, value)) if isinstance(value, list) else value
                if shown not in (None, ""):
                    console.print(f"[bold]{key}[/bold]: {escape(terminal(str(shown)))}", highlight=False)
            console.print()
        return
    table = Table("kind", "name", "repo / key", "category", "CNCF", "license", "steward", "open source")
    for e in entries:
        cells = (e.kind.value, e.name, e.repo or e.key, e.category or "", e.cncf or "", e.license or "",
                 e.steward or e.vendor or "", {True: "yes", False: "no"}.get(e.open_source, "") if
                 e.open_source is not None else "")
        table.add_row(*(escape(terminal(c)) for c in cells))
    console.print(table)
    console.print(f"{len(catalog.projects)} projects, {len(catalog.accelerators)} accelerators, "
                  f"{len(catalog.techniques)} techniques, {len(catalog.managed_services)} managed services "
                  f"({escape(terminal(str(path)))})", highlight=False)
