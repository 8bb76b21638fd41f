"""Blocking reads the UI runs in thread workers: the project map, Python files, git status.

Kept apart from the widgets so that none of this runs on the event loop and so the heavy
imports (LibCST through the reader) happen off the path to the first frame.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from architect_tui.analysis.model import ProjectMap

ProjectReader = Callable[[Path, bool], ProjectMap]
GitProbe = Callable[[Path], str]

# Folders nobody wants in a file tree: virtualenvs, caches and VCS internals.
_SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "env",
    ".env",
    "__pycache__",
    "node_modules",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
    ".architect",
    "site-packages",
}


def default_reader(root: Path, use_cache: bool) -> ProjectMap:
    """The static reader, imported here (in the worker thread) so the first frame never waits."""
    from architect_tui.analysis import read_project

    return read_project(root, use_cache=use_cache)


def scan_python_files(root: Path, limit: int = 20_000) -> list[str]:
    """Project-relative POSIX paths of Python files, for the files tree when the reader failed."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if d not in _SKIP_DIRS and not d.endswith(".egg-info")
        )
        for name in sorted(filenames):
            if name.endswith(".py"):
                found.append(Path(dirpath, name).relative_to(root).as_posix())
                if len(found) >= limit:
                    return found
    return found


def git_summary(root: Path) -> str:
    """``"main · 3 changed"``, ``"main · clean"`` or ``"not a git repo"`` (git CLI, no gitpython
    import on the UI's path; this runs in a thread worker)."""
    try:
        inside = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return "not a git repo"
        branch = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--abbrev-ref", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=normal", "."],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "not a git repo"
    if branch in {"", "HEAD"}:
        branch = "detached" if branch == "HEAD" else "no commits yet"
    changed = sum(1 for line in status.stdout.splitlines() if line.strip())
    return f"⎇ {branch} · {changed} changed" if changed else f"⎇ {branch} · clean"


def read_text(root: Path, relative: str) -> str | None:
    """A project file's text for the code view; ``None`` when it cannot be read."""
    try:
        return (root / relative).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
