"""Checkpoint first, then write: the only place the patch engine's bytes reach the disk.

Everything happens under the project lock (``lock.py``): leftovers of a killed run are cleaned,
each file is compared with the bytes and mode the plan was made from, and only then is the
checkpoint saved and the files written. A file that changed since it was planned (another apply,
an editor's save) makes the whole write refuse as stale: nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from architect_tui.vcs.atomic import atomic_write, default_mode, file_mode, remove_file
from architect_tui.vcs.leftovers import clean_leftovers
from architect_tui.vcs.lock import LockError, project_lock
from architect_tui.vcs.model import FileChange
from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.state import scratch_dir
from architect_tui.vcs.store import open_store


@dataclass(slots=True)
class WriteResult:
    """``checkpoint`` is set once the checkpoint is saved; ``error`` names the first failure.

    ``stale`` is True when a file no longer held what the change was planned from: it was
    refused (not failed), and nothing after it was written.
    """

    checkpoint: str | None
    written: list[str] = field(default_factory=list)
    error: str | None = None
    failed_path: str | None = None
    stale: bool = False


def missing_dirs(root: Path, rel: str) -> list[str]:
    """Project-relative folders that writing ``rel`` would create, outermost first."""
    parts = rel.split("/")[:-1]
    out = []
    for i in range(1, len(parts) + 1):
        sub = "/".join(parts[:i])
        if not (root / sub).exists():
            out.append(sub)
    return out


def stale_reason(path: Path, change: FileChange) -> str | None:
    """Why ``path`` no longer holds what ``change`` was planned from (bytes, mode), or None."""
    try:
        now = path.read_bytes() if path.is_file() else None
    except OSError as exc:
        return f"{change.path} cannot be read: {exc.strerror or exc}"
    if now != change.before:
        if change.before is None:
            return f"{change.path} appeared since it was planned"
        if now is None:
            return f"{change.path} was removed since it was planned"
        return f"{change.path} changed since it was planned"
    if now is not None and change.before_mode is not None and file_mode(path) != change.before_mode:
        return f"{change.path}: its mode changed since it was planned"
    return None


def write_with_checkpoint(root: Path, changes: list[FileChange], message: str) -> WriteResult:
    """Save a checkpoint of ``changes`` then write each file atomically, in order.

    Every path is re-checked (inside the project, unchanged since planned) under the lock just
    before the checkpoint, and again just before its own write. A failure stops at that file:
    files already written hold their new bytes, the rest their old ones, and the checkpoint
    lets undo restore all of them.
    """
    root = Path(root)
    try:
        with project_lock(root, "apply"):
            clean_leftovers(root)
            return _write(root, changes, message)
    except LockError as exc:
        return WriteResult(None, error=str(exc))


def _write(root: Path, changes: list[FileChange], message: str) -> WriteResult:
    for change in changes:
        check = resolve_inside(root, change.path)
        if check.path is None:
            return WriteResult(None, error=check.reason, failed_path=change.path)
        stale = stale_reason(check.path, change)
        if stale:
            return WriteResult(None, error=stale, failed_path=change.path, stale=True)
        if change.after is not None and change.after_mode is None:
            change.after_mode = default_mode()  # recorded, so undo can tell a later chmod
    try:
        checkpoint = open_store(root).save(changes, message)
    except Exception as exc:  # the store is the safety net: without it, write nothing
        return WriteResult(None, error=f"could not save a checkpoint: {exc}")
    result = WriteResult(checkpoint.id)
    tmp = scratch_dir(root)
    for change in changes:
        check = resolve_inside(root, change.path)
        try:
            if check.path is None:
                raise OSError(check.reason)
            stale = stale_reason(check.path, change)
            if stale:
                result.error, result.failed_path, result.stale = stale, change.path, True
                return result
            if change.after is None:
                if check.path.exists():
                    remove_file(check.path)
            else:
                atomic_write(check.path, change.after, change.after_mode, tmp_dir=tmp)
        except OSError as exc:
            result.error = f"{change.path}: {exc.strerror or exc}"
            result.failed_path = change.path
            return result
        result.written.append(change.path)
    return result
