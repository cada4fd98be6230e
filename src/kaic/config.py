"""Rule configuration: switch rules off or re-level them.

Read, later entries winning: `[tool.kaic.rules]` of pyproject.toml in the working
directory, then `.kaic.yaml` in the repository root, then `--config FILE`:

    rules:
      logo-format: off        # or: error | warning | info
      na-on-must: error
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .rules import RULES, Severity
from .source import ReadRefused, Source

_OFF = {"off", "false", "disable", "disabled", "none"}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    rules: Mapping[str, Severity | None] = field(default_factory=dict)  # None: off
    origins: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        return self.rules.get(rule_id, RULES[rule_id].severity) is not None

    def severity(self, rule_id: str, default: Severity) -> Severity:
        level = self.rules.get(rule_id)
        return level if level is not None else default


def _parse(data: object, origin: str) -> dict[str, Severity | None]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("rules", {}), dict):
        raise ConfigError(f"{origin}: expected a 'rules' mapping of rule id to off/error/warning/info")
    out: dict[str, Severity | None] = {}
    for rule_id, value in (data.get("rules") or {}).items():
        if rule_id not in RULES:
            raise ConfigError(f"{origin}: unknown rule '{rule_id}' (see `kaic rules`)")
        text = str(value).strip().lower() if value is not None else "off"
        if value is False or text in _OFF:
            out[rule_id] = None
        elif text in {s.value for s in Severity}:
            out[rule_id] = Severity(text)
        else:
            raise ConfigError(f"{origin}: rule '{rule_id}': '{value}' is not off/error/warning/info")
    return out


def load_config(source: Source | None = None, explicit: Path | None = None,
                cwd: Path | None = None) -> Config:
    rules: dict[str, Severity | None] = {}
    origins: list[str] = []
    pyproject = (cwd or Path.cwd()) / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        try:
            tool = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("kaic")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{pyproject}: {exc}") from None
        if tool is not None:
            rules.update(_parse(tool, str(pyproject)))
            origins.append(str(pyproject))
    if source is not None and ".kaic.yaml" in source.tree():
        try:
            data = yaml.safe_load(source.read(".kaic.yaml", limit=64 * 1024))
        except (ReadRefused, yaml.YAMLError) as exc:
            raise ConfigError(f".kaic.yaml: {exc}") from None
        rules.update(_parse(data, ".kaic.yaml"))
        origins.append(".kaic.yaml")
    if explicit is not None:
        try:
            data = yaml.safe_load(explicit.read_text("utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{explicit}: {exc}") from None
        rules.update(_parse(data, str(explicit)))
        origins.append(str(explicit))
    return Config(rules, tuple(origins))
