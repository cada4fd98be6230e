"""Where `kaic init` writes: only `vX.Y/<plain name>/` inside the checkout, through no link.

Paths come from the command line and from vendor files; each one is checked before
anything is created, and files are written beside their target then renamed.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..rules.product_folder_name import SAFE
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


def _real_dir(root: Path, rel: str, create: bool) -> Path:
    """root/rel as a real folder (created if asked), refusing links and non-folders."""
    here = root
    for part in rel.split("/"):
        here = here / part
        try:
            st = os.lstat(here)
        except FileNotFoundError:
            if not create:
                raise PlaceError(f"{here} does not exist") from None
            here.mkdir()
            continue
        if not stat.S_ISDIR(st.st_mode):
            raise PlaceError(f"{here} is not a folder (a link or a file); kaic writes nothing through it")
    return here


def write_product(root: Path, target: Target, text: str, force: bool) -> Path:
    """Write PRODUCT.yaml: refused when it exists (unless `force`) or is not a regular file."""
    folder = _real_dir(root, target.folder, create=True)
    path = folder / "PRODUCT.yaml"
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise PlaceError(f"{target.path} exists and is not a regular file; kaic does not replace it")
    if st is not None and not force:
        raise PlaceError(f"{target.path} already exists", "pass --force to replace it")
    _write(folder, path, text.encode("utf-8"), replace=force)
    return path


def _write(folder: Path, path: Path, data: bytes, replace: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".kaic-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if something appeared meanwhile: nothing is overwritten
            os.unlink(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
            parent = _real_dir(root, posixpath.dirname(f"{target.folder}/{inner}"), create=True)
            dest = parent / posixpath.basename(inner)
            if os.path.lexists(dest):
                done.append((path, f"not copied: {target.folder}/{inner} exists"))
                continue
            _write(parent, dest, data, replace=False)
        except (PlaceError, OSError) as exc:
            done.append((path, f"not copied: {getattr(exc, 'message', exc)}"))
            continue
        done.append((path, f"copied to {target.folder}/{inner}"))
    return done
