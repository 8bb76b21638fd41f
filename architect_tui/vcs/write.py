"""Checkpoint first, then write: the only place the patch engine's bytes reach the disk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from architect_tui.vcs.atomic import atomic_write, remove_file
from architect_tui.vcs.model import FileChange
from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.store import open_store


@dataclass(slots=True)
class WriteResult:
    """``checkpoint`` is set once the checkpoint is saved; ``error`` names the first failure."""

    checkpoint: str | None
    written: list[str] = field(default_factory=list)
    error: str | None = None
    failed_path: str | None = None


def missing_dirs(root: Path, rel: str) -> list[str]:
    """Project-relative folders that writing ``rel`` would create, outermost first."""
    parts = rel.split("/")[:-1]
    out = []
    for i in range(1, len(parts) + 1):
        sub = "/".join(parts[:i])
        if not (root / sub).exists():
            out.append(sub)
    return out


def write_with_checkpoint(root: Path, changes: list[FileChange], message: str) -> WriteResult:
    """Save a checkpoint of ``changes`` then write each file atomically, in order.

    Every path is re-checked just before its write. A failure stops at that file: files already
    written hold their new bytes, the rest their old ones, and the checkpoint lets undo restore
    all of them.
    """
    for change in changes:
        check = resolve_inside(root, change.path)
        if not check.ok:
            return WriteResult(None, error=check.reason, failed_path=change.path)
    try:
        checkpoint = open_store(root).save(changes, message)
    except Exception as exc:  # the store is the safety net: without it, write nothing
        return WriteResult(None, error=f"could not save a checkpoint: {exc}")
    result = WriteResult(checkpoint.id)
    for change in changes:
        check = resolve_inside(root, change.path)
        try:
            if check.path is None:
                raise OSError(check.reason)
            if change.after is None:
                if check.path.exists():
                    remove_file(check.path)
            else:
                atomic_write(check.path, change.after, change.after_mode)
        except OSError as exc:
            result.error = f"{change.path}: {exc.strerror or exc}"
            result.failed_path = change.path
            return result
        result.written.append(change.path)
    return result
