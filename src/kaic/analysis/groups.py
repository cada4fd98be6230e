"""Vendor groups: a curated YAML file maps folded vendor spellings to a group.

The file (``src/kaic/data/vendor_groups.yaml``, described by
``data/schemas/vendor_groups.schema.json``) lists the groups in display order and, per
vendor, the folded spellings it goes by. Parsing is pure (`parse_vendor_groups`); only
`load_vendor_groups` touches the disk. A vendor the file does not know is shown in the
"unclassified" group: it is never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .vendors import fold_vendor

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "vendor_groups.yaml"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "schemas" / "vendor_groups.schema.json"


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    title: str
    description: str = ""


UNCLASSIFIED = Group("unclassified", "Unclassified", "Vendors the curated vendor-groups file does not list.")


@dataclass(frozen=True, slots=True)
class CuratedVendor:
    name: str
    group: str
    match: tuple[str, ...]


@dataclass(frozen=True)
class VendorGroups:
    groups: tuple[Group, ...] = ()  # in display order, without "unclassified"
    vendors: tuple[CuratedVendor, ...] = ()
    source: str = ""  # where the file came from ("" when none was read)
    _by_spelling: Mapping[str, CuratedVendor] = field(default_factory=dict, repr=False)

    def curated(self, vendor_name: str) -> CuratedVendor | None:
        """The curated entry for a raw or folded vendor name, if the file lists it."""
        return self._by_spelling.get(fold_vendor(vendor_name))

    def display(self, vendor_name: str) -> str:
        """The one name the report uses for a vendor: the curated name, else as written."""
        entry = self.curated(vendor_name)
        return entry.name if entry is not None and entry.name else vendor_name.strip()

    def group_of(self, vendor_name: str) -> Group:
        entry = self.curated(vendor_name)
        if entry is not None:
            for group in self.groups:
                if group.id == entry.group:
                    return group
        return UNCLASSIFIED

    @property
    def ordered(self) -> tuple[Group, ...]:
        """Every group a vendor can land in, "unclassified" last."""
        return (*self.groups, UNCLASSIFIED)


class VendorGroupsError(ValueError):
    """The vendor-groups file cannot be used."""


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _groups(raw: Any) -> list[Group]:
    """Groups as a list of mappings (id/title/description) or a mapping id -> title|mapping."""
    out: list[Group] = []
    if isinstance(raw, Mapping):
        for gid, value in raw.items():
            if isinstance(value, Mapping):
                out.append(Group(str(gid), _text(value.get("title") or value.get("name")) or str(gid),
                                 _text(value.get("description"))))
            else:
                out.append(Group(str(gid), _text(value) or str(gid)))
    elif isinstance(raw, list):
        for item in raw:
            if isinstance(item, Mapping):
                gid = _text(item.get("id") or item.get("key"))
                if gid:
                    out.append(Group(gid, _text(item.get("title") or item.get("name")) or gid,
                                     _text(item.get("description"))))
            elif isinstance(item, str) and item.strip():
                out.append(Group(item.strip(), item.strip()))
    return [g for g in out if g.id != UNCLASSIFIED.id]


def parse_vendor_groups(data: Any, source: str = "") -> VendorGroups:
    """Typed vendor groups from the YAML document; raises VendorGroupsError when unusable."""
    if data is None:
        return VendorGroups(source=source)
    if not isinstance(data, Mapping):
        raise VendorGroupsError(f"{source or 'vendor groups'}: expected a mapping at the top")
    groups = _groups(data.get("groups"))
    known = {g.id for g in groups}
    vendors: list[CuratedVendor] = []
    by_spelling: dict[str, CuratedVendor] = {}
    raw_vendors = data.get("vendors") or []
    if not isinstance(raw_vendors, list):
        raise VendorGroupsError(f"{source or 'vendor groups'}: 'vendors' must be a list")
    for item in raw_vendors:
        if not isinstance(item, Mapping):
            continue
        name = _text(item.get("name"))
        group = _text(item.get("group"))
        if group and group not in known:
            groups.append(Group(group, group))
            known.add(group)
        spellings = item.get("match") or []
        if isinstance(spellings, str):
            spellings = [spellings]
        folded = tuple(dict.fromkeys(fold_vendor(s) for s in [name, *spellings] if isinstance(s, str) and s.strip()))
        entry = CuratedVendor(name or (folded[0] if folded else ""), group or UNCLASSIFIED.id, folded)
        vendors.append(entry)
        for spelling in folded:
            by_spelling.setdefault(spelling, entry)
    return VendorGroups(tuple(groups), tuple(vendors), source, by_spelling)


def load_vendor_groups(path: Path | None = None, *, check_schema: bool | None = None) -> VendorGroups:
    """Read the vendor-groups file (the shipped one by default; none shipped: no groups).

    A file given by the user is checked against the shipped JSON Schema (`check_schema`
    defaults to True for it); the shipped file is checked by the test suite instead, so
    a report does not pay for importing jsonschema.
    """
    import yaml

    from .._yaml import load_data, yaml_error_line

    chosen = path or DEFAULT_PATH
    if not chosen.is_file():
        if path is not None:
            raise VendorGroupsError(f"no such vendor-groups file: {path}")
        return VendorGroups()
    try:
        text = chosen.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VendorGroupsError(f"cannot read {chosen}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = load_data(text)
    except yaml.YAMLError as exc:
        raise VendorGroupsError(yaml_error_line(str(chosen), exc, text)) from None
    if check_schema if check_schema is not None else path is not None:
        validate_against_schema(data, str(chosen))
    return parse_vendor_groups(data, str(chosen))


def validate_against_schema(data: Any, source: str = "") -> None:
    """Raise VendorGroupsError when `data` does not follow the shipped schema (if shipped)."""
    if not SCHEMA_PATH.is_file():
        return
    import json

    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.path])
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path) or "(top)"
        raise VendorGroupsError(f"{source}: {where}: {first.message}")
