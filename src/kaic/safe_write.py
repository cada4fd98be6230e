"""Writing inside a checkout without following links: folders checked part by part,
files written beside their target and renamed into place.

Used by the commands that write (init, fix, render); paths are relative to `root` and
come partly from untrusted names, so each part is checked before anything is created.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class UnsafePath(OSError):
    """A path kaic refuses to write through."""


def real_dir(root: Path, rel: str, create: bool = True) -> Path:
    """root/rel as a real folder (created if asked); links, files and `..` are refused."""
    here = root
    for part in [p for p in rel.split("/") if p]:
        if part in (".", ".."):
            raise UnsafePath(f"{rel} leaves the folder it is meant for")
        here = here / part
        try:
            st = os.lstat(here)
        except FileNotFoundError:
            if not create:
                raise UnsafePath(f"{here} does not exist") from None
            here.mkdir()
            continue
        if not stat.S_ISDIR(st.st_mode):
            raise UnsafePath(f"{here} is not a folder (a link or a file); kaic writes nothing through it")
    return here


def write_file(root: Path, rel: str, data: bytes, *, replace: bool) -> Path:
    """Write root/rel: a new file, or (with `replace`) over a regular file atomically."""
    folder_rel, _, name = rel.rpartition("/")
    if name in ("", ".", ".."):
        raise UnsafePath(f"{rel} is not a file name")
    folder = real_dir(root, folder_rel)
    path = folder / name
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise UnsafePath(f"{path} is not a regular file; kaic does not replace it")
    if st is not None and not replace:
        raise FileExistsError(f"{path} exists")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o644
    fd, tmp = tempfile.mkstemp(prefix=".kaic-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the name appeared meanwhile: nothing is overwritten
            os.unlink(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
