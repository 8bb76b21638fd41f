"""Atomic file writes: a reader (or a crash) sees the old bytes or the new bytes, never a mix.

The temporary file goes to ``tmp_dir`` when given (the scratch folder inside the git dir, see
``state.py``: a ``kill -9`` then leaves nothing that git lists), else beside the target. When
``tmp_dir`` is on another file system the rename fails with EXDEV and the write is redone beside
the target, where ``os.replace`` is always a rename. The temp file is fsynced before the rename
and the folder after it. The file mode is carried over.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

TMP_SUFFIX = ".architect-tmp"  # leftovers.py finds what a killed write left by this suffix


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


def default_mode() -> int:
    """The mode a new file gets: 0o666 minus the umask, as an editor would create it."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(
    path: Path, data: bytes, mode: int | None = None, tmp_dir: Path | None = None
) -> list[Path]:
    """Write ``data`` to ``path`` atomically; returns the folders it had to create.

    ``mode`` is the permission bits to give the file (the old file's, or None for a new file:
    see :func:`default_mode`). ``tmp_dir`` is where the temp file is made (default: beside it).
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
    final_mode = stat.S_IMODE(default_mode() if mode is None else mode)
    try:
        _write_and_rename(path, data, final_mode, tmp_dir or folder)
    except OSError as exc:
        if tmp_dir is None or exc.errno != errno.EXDEV:
            raise
        _write_and_rename(path, data, final_mode, folder)
    _fsync_dir(folder)
    return created


def _write_and_rename(path: Path, data: bytes, mode: int, tmp_dir: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=tmp_dir)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


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
