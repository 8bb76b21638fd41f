"""Atomic file writes: a reader (or a crash) sees the old bytes or the new bytes, never a mix.

The temporary file lives in the target's folder so ``os.replace`` is a rename on one file system;
it is fsynced before the rename and the folder after it. The file mode is carried over.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> list[Path]:
    """Write ``data`` to ``path`` atomically; returns the folders it had to create.

    ``mode`` is the permission bits to give the file (the old file's, or None for a new file:
    0o644 minus the umask, as an editor would).
    """
    created: list[Path] = []
    folder = path.parent
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for d in reversed(missing):
        d.mkdir()
        created.append(d)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".architect-tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
    return created


def remove_file(path: Path) -> None:
    """Delete a file (a change that deletes it, or the undo of a new file)."""
    path.unlink()
    _fsync_dir(path.parent)


def file_mode(path: Path) -> int | None:
    """Permission bits of an existing file, None when it does not exist."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
