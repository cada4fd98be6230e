"""The CNCF member list, read from the landscape's landscape.yml.

Upstream's validator requires `vendorName` (trimmed) to equal the name of an item in the
landscape category "CNCF Members" (any subcategory), after stripping a " (member)" or
" (supporter)" suffix from the item's name. kaic does the same and adds the closest
member names as a hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MEMBERS_CATEGORY = "CNCF Members"
SUFFIXES = (" (member)", " (supporter)")
MAX_ITEMS = 50_000
MAX_NAME = 200


class LandscapeError(Exception):
    """The landscape could not be read."""


@dataclass(frozen=True)
class Members:
    names: frozenset[str]
    origin: str  # the file or URL read
    stale: str = ""  # why an expired cached copy is used ("" when fresh)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.strip() in self.names

    def closest(self, name: str, count: int = 3) -> list[str]:
        """Member names a typo away from `name` (case and spacing differences first)."""
        wanted = " ".join(name.split())[:MAX_NAME]
        folded = wanted.casefold()
        same = sorted(n for n in self.names if " ".join(n.split()).casefold() == folded)
        near = difflib.get_close_matches(wanted, sorted(self.names), n=count, cutoff=0.75)
        near += difflib.get_close_matches(folded, sorted(n.casefold() for n in self.names), n=count, cutoff=0.75)
        by_fold = {n.casefold(): n for n in self.names}
        chosen: list[str] = []
        for n in [*same, *near]:
            real = n if n in self.names else by_fold.get(n, n)
            if real not in chosen:
                chosen.append(real)
        return chosen[:count]


def _get(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _items(node: yaml.Node | None) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value


def strip_suffix(name: str) -> str:
    name = name.strip()
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)].strip()
    return name


def parse_members(text: str, origin: str) -> Members:
    """Names of every item under the "CNCF Members" category of landscape.yml text."""
    try:
        root = yaml.compose(text, Loader=_Loader)  # nodes only: no constructor runs
    except yaml.YAMLError as exc:
        raise LandscapeError(f"{origin} is not valid YAML: {' '.join(str(exc).split())[:200]}") from None
    names: set[str] = set()
    seen = 0
    found = False
    for entry in _items(_get(root, "landscape") if root is not None else None):
        category = _get(entry, "category")
        name = _get(category, "name") if category is not None else None
        if not (isinstance(name, yaml.ScalarNode) and name.value == MEMBERS_CATEGORY):
            continue
        found = True
        assert category is not None
        for sub in _items(_get(category, "subcategories")):
            subcategory = _get(sub, "subcategory")
            for wrapper in _items(_get(subcategory, "items") if subcategory is not None else None):
                seen += 1
                if seen > MAX_ITEMS:
                    raise LandscapeError(f"{origin} has more than {MAX_ITEMS} member items")
                item = _get(wrapper, "item")
                item_name = _get(item, "name") if item is not None else None
                if isinstance(item_name, yaml.ScalarNode) and item_name.value.strip():
                    names.add(strip_suffix(item_name.value))
    if not found:
        raise LandscapeError(f"{origin} has no category {MEMBERS_CATEGORY!r}")
    return Members(frozenset(names), origin)
