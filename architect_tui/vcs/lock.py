"""One apply or undo at a time per project: a lock file in the state folder (see ``state.py``).

Without it two ``architect apply`` runs on one file both read the old bytes and the second write
drops the first one's change (seen in 8 of 10 tries), and two checkpoint saves race for one ref.

The lock is ``flock`` on ``<state>/lock``: the kernel releases it when its process dies, so a lock
left by a ``kill -9`` is taken over at once, with no pid guessing. The file holds the holder's pid,
command and start time, only to tell a waiting user who has it. Within one process the lock is
re-entrant per thread (a caller may hold it around plan + apply while ``apply`` takes it again);
two threads of one process still exclude each other.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from architect_tui.vcs.state import state_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: only the in-process lock below applies
    fcntl = None  # type: ignore[assignment]

DEFAULT_WAIT = 30.0  # seconds: an apply takes well under a second; a stuck holder gets a message

_guard = threading.Lock()
_locks: dict[str, threading.RLock] = {}
_depth: dict[str, int] = {}
_fds: dict[str, int] = {}


class LockError(RuntimeError):
    """The project's lock could not be taken; the message says why (nothing was written)."""


class LockHeld(LockError):
    """Another apply or undo holds the project's lock; the message says who and since when."""


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return "another process"
    return text or "another process"


def _thread_lock(key: str) -> threading.RLock:
    with _guard:
        return _locks.setdefault(key, threading.RLock())


@contextmanager
def project_lock(root: Path, what: str = "apply", wait: float = DEFAULT_WAIT) -> Iterator[Path]:
    """Hold the project's lock for the ``with`` block; raises :class:`LockHeld` after ``wait`` s
    (:class:`LockError` when the lock file cannot be made: a read-only git dir, say)."""
    folder = state_dir(Path(root))
    path = folder / "lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LockError(f"cannot create {folder} for the lock: {exc.strerror or exc}") from None
    key = os.path.realpath(path)
    local = _thread_lock(key)
    deadline = time.monotonic() + wait
    if not local.acquire(timeout=max(wait, 0.0)):
        raise LockHeld(f"another {what} is running in this process on {root}")
    try:
        if _depth.get(key, 0) == 0:
            _fds[key] = _take(path, what, deadline)
        _depth[key] = _depth.get(key, 0) + 1
        try:
            yield path
        finally:
            _depth[key] -= 1
            if _depth[key] == 0:
                _release(_fds.pop(key))
    finally:
        local.release()


def _take(path: Path, what: str, deadline: float) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise LockError(f"cannot open the lock file {path}: {exc.strerror or exc}") from None
    if fcntl is None:  # pragma: no cover
        return fd
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _holder(fd)
                os.close(fd)
                raise LockHeld(
                    f"another architect apply or undo is running on this project ({holder}); "
                    f"try again when it ends (lock: {path})"
                ) from None
            time.sleep(0.02)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}, {what}, since {stamp}\n".encode(), 0)
    return fd


def _release(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
