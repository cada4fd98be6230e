"""A Rich progress bar for a history walk, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..source import Commit
from .walk import Progress


@contextmanager
def progress_bar(label: str = "Walking history", enabled: bool = True) -> Iterator[Progress | None]:
    """Yields a `Progress` callback drawing a bar on stderr, or None off a terminal (or
    when not `enabled`: `kaic --quiet`)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    with Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
             TextColumn("{task.fields[commit]}"), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, commit="")

        def advance(done: int, total: int, commit: Commit) -> None:
            bar.update(task, completed=done, total=total, commit=f"{commit.oid[:7]} {commit.date[:10]}")

        yield advance
