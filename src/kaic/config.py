"""Rule configuration: switch rules off or re-level them.

Read, later entries winning: `[tool.kaic.rules]` of pyproject.toml in the working
directory (only when that folder is not inside the scanned repository), then of
pyproject.toml in the repository root, then `.kaic.yaml` in the repository root, then
`--config FILE`.

On a pull request the scanned repository's own files come from the trusted base
(`kaic review`, `kaic validate --changed`): the caller passes the base as `source`
and `working_folder=False`, so nothing in the checked-out head can re-level a rule.

    rules:
      logo-format: off        # or: error | warning | info
      na-on-must: error
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import rules as _rules
from .rules import Severity
from .source import ReadRefused, Source

_OFF = {"off", "false", "disable", "disabled", "none"}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    rules: Mapping[str, Severity | None] = field(default_factory=dict)  # None: off
    origins: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        return self.rules.get(rule_id, _rules.RULES[rule_id].severity) is not None

    def severity(self, rule_id: str, default: Severity) -> Severity:
        level = self.rules.get(rule_id)
        return level if level is not None else default


KNOWN_KEYS = ("rules",)


def _suggest(word: str, known: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the closest known word, else ""."""
    folded = {k.lower(): k for k in known}
    close = difflib.get_close_matches(str(word).lower(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean '{folded[close[0]]}'?" if close else ""


def _parse(data: object, origin: str) -> dict[str, Severity | None]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("rules", {}), dict):
        raise ConfigError(f"{origin}: expected a 'rules' mapping of rule id to off/error/warning/info")
    for key in data:
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{origin}: unknown key '{key}'{_suggest(str(key), KNOWN_KEYS)}"
                              f" (known: {', '.join(KNOWN_KEYS)})")
    out: dict[str, Severity | None] = {}
    for rule_id, value in (data.get("rules") or {}).items():
        if rule_id not in _rules.RULES:
            raise ConfigError(f"{origin}: unknown rule '{rule_id}'{_suggest(str(rule_id), _rules.RULES)}"
                              " (see `kaic rules`)")
        text = str(value).strip().lower() if value is not None else "off"
        if value is False or text in _OFF:
            out[rule_id] = None
        elif text in {s.value for s in Severity}:
            out[rule_id] = Severity(text)
        else:
            raise ConfigError(f"{origin}: rule '{rule_id}': '{value}' is not off/error/warning/info")
    return out


def _pyproject_rules(text: str, origin: str) -> dict[str, Severity | None] | None:
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool", {}).get("kaic")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}") from None
    return None if tool is None else _parse(tool, origin)


def _yaml_rules(read: Callable[[], bytes | str], origin: str) -> dict[str, Severity | None]:
    try:
        raw = read()
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except (OSError, ReadRefused, UnicodeDecodeError) as exc:
        raise ConfigError(f"{origin}: {getattr(exc, 'strerror', None) or exc}") from None
    import yaml  # only when there is a configuration to read

    from ._yaml import load_data, yaml_error_line

    try:
        data = load_data(text)
    except yaml.YAMLError as exc:
        raise ConfigError(yaml_error_line(origin, exc, text)) from None
    return _parse(data, origin)


def _inside_repository(folder: Path, source: Source | None) -> bool:
    """True when `folder` lies in the scanned repository's checkout (or in any
    conformance repository): its pyproject.toml is then the repository's own, which
    is read from `source` (the trusted base on a pull request), never from disk."""
    from .source.resolve import find_root

    folder = folder.resolve()
    roots = [find_root(folder)]
    root = getattr(source, "root", None) or getattr(getattr(source, "repo", None), "path", None)
    if isinstance(root, Path):
        roots.append(root.resolve())
    return any(r is not None and (folder == r or r in folder.parents) for r in roots)


def load_config(source: Source | None = None, explicit: Path | None = None,
                cwd: Path | None = None, *, working_folder: bool = True) -> Config:
    """Rule settings from, in order (later wins): the working folder's pyproject.toml
    (unless `working_folder` is False or the folder is inside the scanned repository),
    the repository's pyproject.toml and .kaic.yaml, then an explicit file."""
    found: list[tuple[str, dict[str, Severity | None] | None]] = []
    here = cwd or Path.cwd()
    pyproject = here / "pyproject.toml"
    if working_folder and pyproject.is_file() and not _inside_repository(here, source):
        try:
            text = pyproject.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{pyproject}: {exc}") from None
        found.append((str(pyproject), _pyproject_rules(text, str(pyproject))))
    tree = source.tree() if source is not None else {}
    if source is not None and "pyproject.toml" in tree:
        try:
            text = source.read("pyproject.toml", limit=256 * 1024).decode("utf-8")
        except (ReadRefused, UnicodeDecodeError) as exc:
            raise ConfigError(f"pyproject.toml: {exc}") from None
        found.append(("pyproject.toml", _pyproject_rules(text, "pyproject.toml")))
    if source is not None and ".kaic.yaml" in tree:
        found.append((".kaic.yaml", _yaml_rules(lambda: source.read(".kaic.yaml", limit=64 * 1024), ".kaic.yaml")))
    if explicit is not None:
        found.append((str(explicit), _yaml_rules(lambda: explicit.read_text("utf-8"), str(explicit))))
    rules: dict[str, Severity | None] = {}
    origins: list[str] = []
    for origin, settings in found:
        if settings is not None:
            rules.update(settings)
            origins.append(origin)
    return Config(rules, tuple(origins))
