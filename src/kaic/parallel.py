"""Work done in a second process while this one does something else — only where it pays.

A cold report validates every submission and detects the components of every one: two
independent, CPU-bound jobs of similar size. `in_background(work)` forks a child that
runs `work()` (a pure function of data already in memory: it reads no file, writes no
cache) and sends its value back; the caller goes on with the other job and collects the
value with `.result()`. Whatever goes wrong in the child (it crashes, is killed, cannot
pickle its value), `.result()` runs `work()` in this process instead: the result is
always the one a single process makes.

Only on Linux (fork keeps the parent's memory: nothing is pickled on the way in), with
at least two usable cores, and unless `KAIC_JOBS=1`. The child never touches kaic's
result cache (`kaic.cache.active()` is None in any process but the one that opened it)
and leaves with `os._exit`, so it closes nothing it shares with the parent.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_DISABLE = "KAIC_JOBS"


def available() -> bool:
    """A second process can run at the same time as this one."""
    if os.environ.get(_DISABLE, "").strip() == "1" or not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):
        return False


class Background(Generic[T]):
    """`work()` running in a forked child; `result()` waits for its value."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid: int | None = None
        self._read: int | None = None
        import gc

        read, write = os.pipe()
        gc.freeze()  # the parent's objects stay out of the child's collections: fewer pages copied
        try:
            pid = os.fork()
        except BaseException:
            gc.unfreeze()
            os.close(read)
            os.close(write)
            raise
        if pid == 0:  # the child: compute, send, leave without running the parent's cleanup
            gc.disable()  # short-lived: a collection would only touch (and copy) shared pages
            os.close(read)
            code = 0
            try:
                import pickle

                payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        gc.unfreeze()
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        """The child's value; computed here when the child could not deliver it."""
        import pickle

        read, pid = self._read, self._pid
        self._read = self._pid = None
        if read is None or pid is None:
            return self._work()
        try:
            with os.fdopen(read, "rb") as got:
                payload = got.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0 or not payload:
                return self._work()
            value: T = pickle.loads(payload)  # written by our own child, through our own pipe
            return value
        except Exception:
            return self._work()


def in_background(work: Callable[[], T]) -> Background[T] | None:
    """`work` started in a second process, or None where that is not available (run it here)."""
    if not available():
        return None
    try:
        return Background(work)
    except OSError:  # cannot fork (process limit, memory)
        return None
