"""Keeping every write inside the project: a path named by a model is hostile until checked.

One function, :func:`resolve_inside`, turns a project-relative POSIX path into an absolute path
or a refusal. It is used both when a change is planned and again just before bytes are written,
so a symlink swapped in between cannot redirect a write.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Folders a change may never write into: the repository itself and our own checkpoints.
FORBIDDEN_PARTS = frozenset({".git", ".architect"})


@dataclass(frozen=True, slots=True)
class PathCheck:
    """The outcome of checking one path: ``path`` when allowed, ``reason`` when refused."""

    rel: str
    path: Path | None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.path is not None


def check_relative(rel: str) -> str | None:
    """Why a project-relative path is refused on its face (no file system access), or None."""
    if not rel or rel in {".", "/"}:
        return "empty path"
    if "\x00" in rel:
        return "path contains a NUL byte"
    pure = PurePosixPath(rel)
    if pure.is_absolute() or rel.startswith("~") or (len(rel) > 1 and rel[1] == ":"):
        return f"absolute path outside the project: {rel}"
    parts = pure.parts
    if ".." in parts:
        return f"path climbs out with '..': {rel}"
    for part in parts:
        if part.lower() in FORBIDDEN_PARTS:
            return f"writing into {part}/ is not allowed: {rel}"
    return None


def resolve_inside(root: Path, rel: str) -> PathCheck:
    """Resolve ``rel`` under ``root``, refusing anything that lands outside it.

    Symlinks are followed (for the file and every parent): a link that points outside the
    project is refused, as is a path whose real location is inside ``.git``.
    """
    reason = check_relative(rel)
    if reason:
        return PathCheck(rel, None, reason)
    real_root = Path(os.path.realpath(root))
    candidate = real_root.joinpath(*PurePosixPath(rel).parts)
    real = Path(os.path.realpath(candidate))
    try:
        inside = real.relative_to(real_root)
    except ValueError:
        return PathCheck(rel, None, f"path resolves outside the project (symlink?): {rel}")
    for part in inside.parts:
        if part.lower() in FORBIDDEN_PARTS:
            return PathCheck(rel, None, f"path resolves into {part}/: {rel}")
    if real.is_dir():
        return PathCheck(rel, None, f"path is a directory: {rel}")
    if real.exists() and not real.is_file():  # a FIFO would hang a read; a device, worse
        return PathCheck(rel, None, f"path is not a regular file (FIFO, socket, device): {rel}")
    # Write to the real location: replacing a symlink inside the project would break the link.
    return PathCheck(rel, real)
