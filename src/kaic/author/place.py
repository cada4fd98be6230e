"""Where `kaic init` writes: only `vX.Y/<plain name>/` inside the checkout, through no link.

Paths come from the command line and from vendor files; each one is checked before
anything is created, and files are written beside their target then renamed.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..rules.product_folder_name import SAFE
from ..safe_write import UnsafePath, write_file
from ..source import ReadRefused, Source

TARGET = re.compile(r"^v(\d+\.\d+)/([^/]+)/?(?:PRODUCT\.yaml)?$")


class PlaceError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Target:
    version: str  # "1.36"
    product: str
    folder: str  # "v1.36/gke"

    @property
    def path(self) -> str:
        return f"{self.folder}/PRODUCT.yaml"


def product_target(spec: str) -> Target:
    """`v1.36/gke` (or `v1.36/gke/PRODUCT.yaml`) -> Target; anything else is refused."""
    m = TARGET.match(spec.strip().replace("\\", "/"))
    if m is None:
        raise PlaceError(f"{spec!r} is not vX.Y/<product>", "e.g. kaic init v1.35/acme-cloud")
    version, product = m.groups()
    if product in (".", "..") or not SAFE.match(product):
        raise PlaceError(f"{product!r} is not a plain folder name",
                         "use ASCII letters, digits, '.', '_' and '-' only, starting with a letter or digit")
    return Target(version, product, f"v{version}/{product}")


def write_product(root: Path, target: Target, text: str, force: bool) -> Path:
    """Write PRODUCT.yaml: refused when it exists (unless `force`) or is not a regular file."""
    try:
        return write_file(root, target.path, text.encode("utf-8"), replace=force)
    except FileExistsError:
        raise PlaceError(f"{target.path} already exists", "pass --force to replace it") from None
    except UnsafePath as exc:
        raise PlaceError(str(exc)) from None


def copy_evidence(source: Source, root: Path, files: tuple[str, ...], old_folder: str,
                  target: Target) -> list[tuple[str, str]]:
    """Copy files of the old product folder to the same place in the new one.

    Returns (file, outcome) pairs; a file outside the old folder, a link, a missing or
    oversized file, or an existing destination is reported and skipped.
    """
    done = []
    for path in files:
        rel = posixpath.normpath(path)
        if not rel.startswith(old_folder + "/") or ".." in rel.split("/"):
            done.append((path, "not copied: outside the old product folder"))
            continue
        inner = rel[len(old_folder) + 1 :]
        try:
            data = source.read(rel)
        except ReadRefused as exc:
            done.append((path, f"not copied: {exc.message}"))
            continue
        try:
            write_file(root, f"{target.folder}/{inner}", data, replace=False)
        except FileExistsError:
            done.append((path, f"not copied: {target.folder}/{inner} exists"))
            continue
        except OSError as exc:
            done.append((path, f"not copied: {exc}"))
            continue
        done.append((path, f"copied to {target.folder}/{inner}"))
    return done
