"""Plain values for checkpoints and undo: what was written, what undo did."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(slots=True)
class FileChange:
    """One file touched by an apply: its bytes and mode before and after (None = absent)."""

    path: str  # project-relative, POSIX
    before: bytes | None
    after: bytes | None
    before_mode: int | None = None
    after_mode: int | None = None
    created_dirs: list[str] = field(default_factory=list)  # project-relative, outermost first


@dataclass(slots=True)
class Checkpoint:
    """A saved state that ``undo`` returns to."""

    id: str
    message: str
    created: str  # ISO 8601, UTC
    files: list[FileChange]
    backend: Literal["git", "dir"]
    prefix: str = ""  # git: the project folder relative to the work tree when it was saved
    problem: str | None = None  # why this checkpoint cannot be restored (unreadable, unsafe)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "message": self.message,
            "created": self.created,
            "backend": self.backend,
            "files": [f.path for f in self.files],
            "problem": self.problem,
        }


# restored: old bytes written back; removed: a file the apply created, deleted again
UndoFileStatus = Literal["restored", "removed", "unchanged", "changed", "skipped", "failed"]


@dataclass(slots=True)
class UndoFile:
    path: str
    status: UndoFileStatus
    reason: str | None = None


@dataclass(slots=True)
class UndoReport:
    """What ``undo`` did; ``undone`` is False when nothing was written."""

    undone: bool
    checkpoint: str | None
    files: list[UndoFile] = field(default_factory=list)
    reason: str | None = None
    remaining: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "undone": self.undone,
            "checkpoint": self.checkpoint,
            "files": [{"path": f.path, "status": f.status, "reason": f.reason} for f in self.files],
            "reason": self.reason,
            "remaining": self.remaining,
        }


@dataclass(slots=True)
class CommitReport:
    committed: bool
    sha: str | None = None
    reason: str | None = None
