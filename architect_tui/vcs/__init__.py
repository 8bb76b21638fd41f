"""Checkpoints, atomic writes and undo: git-backed in a repository, folder-backed elsewhere.

Public calls: :func:`undo`, :func:`undo_through`, :func:`list_checkpoints`, :func:`commit_applied`,
:func:`write_with_checkpoint`, :func:`resolve_inside`.
"""

from architect_tui.vcs.model import Checkpoint, CommitReport, FileChange, UndoFile, UndoReport
from architect_tui.vcs.paths import PathCheck, resolve_inside
from architect_tui.vcs.undo import commit_applied, list_checkpoints, undo, undo_through
from architect_tui.vcs.write import WriteResult, write_with_checkpoint

__all__ = [
    "Checkpoint",
    "CommitReport",
    "FileChange",
    "PathCheck",
    "UndoFile",
    "UndoReport",
    "WriteResult",
    "commit_applied",
    "list_checkpoints",
    "resolve_inside",
    "undo",
    "undo_through",
    "write_with_checkpoint",
]
