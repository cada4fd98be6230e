"""A report's files, kept in the result cache by everything they are made from.

A report is a function of: the repository state (every data file's blob id, or for a
folder its bytes' hash; kinds and sizes of what kaic does not read), where it came from
(location, commit: the history walk starts there and a commit's history never changes),
the rule configuration (the findings follow from it and the state), the options (vendor
groups, the day statuses are judged on — today when not given —, whether the history is
walked), and the formats; kaic's code and data are part of every cache key already. The
key is worked out from the source alone, before anything is parsed or validated: with
the same inputs, the files are those made the last time; any change is a new key, and
the state is loaded, validated and reported. A report with a failed section is not kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..cache import active, digest_of, tree_digest
from ..source import Source

if TYPE_CHECKING:
    from ..config import Config


@dataclass(frozen=True)
class Made:
    files: dict[str, dict[str, str]]  # format -> {file name: text}
    errors: list[dict[str, str]]  # sections that failed (see Report.data["errors"])


def inputs_key(source: Source, config: Config, formats: Sequence[str], options: Mapping[str, Any]) -> str | None:
    """The digest of everything the report's files depend on (None: not cacheable)."""
    tree = tree_digest(source)
    if tree is None:
        return None
    chosen = dict(options)
    chosen["as_of"] = chosen.get("as_of") or date.today()
    return digest_of(source.info, tree, config, sorted(chosen.items(), key=lambda kv: kv[0]), list(formats))


def _make(source: Source, config: Config, formats: Sequence[str], options: Mapping[str, Any]) -> Made:
    from ..lint import validate
    from ..load import load_state
    from .build import build_report
    from .render import output_name, renderer

    state = load_state(source)
    if options.get("current_only"):
        from .current import current_only

        chosen = dict(options)
        state, chosen["left_out"] = current_only(state, chosen)
        options = chosen
    # Component detection runs in a second process while this one validates (kaic.parallel).
    from ..components.analysis import prefetch
    from .sections._components import report_catalog

    analysed = prefetch([state], report_catalog(options))
    validation = validate(state, config)
    if analysed is not None:
        analysed()
    report = build_report(state, validation, options=options)

    def render(name: str) -> dict[str, str]:
        module = renderer(name)
        rendered = module.render(report)
        return rendered if isinstance(rendered, dict) else {output_name(name, module): rendered}

    # The dashboard (charts, templates) is drawn in a second process while this one writes the rest.
    from ..parallel import in_background

    drawing = in_background(lambda: render("html")) if "html" in formats and len(formats) > 1 else None
    made = {name: render(name) for name in formats if drawing is None or name != "html"}
    if drawing is not None:
        made["html"] = drawing.result()
    files = {name: made[name] for name in formats}
    return Made(files, list(report.data.get("errors", [])))


def make_report(source: Source, config: Config, formats: Sequence[str], options: Mapping[str, Any]) -> Made:
    """The report's files in each format: from the result cache when it holds a report
    made from the same inputs, else loaded, validated, built and rendered (and kept).
    Raises SourceError as `load_state` does."""
    store = active()
    key = inputs_key(source, config, formats, options) if store is not None else None
    if store is not None and key is not None:
        found = store.get("reports", key)
        if isinstance(found, Made):
            return found
    made = _make(source, config, formats, options)
    if store is not None and key is not None and not made.errors:
        store.put("reports", key, made)
    return made
