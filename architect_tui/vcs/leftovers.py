"""Cleaning what a killed apply left behind, at the next start of apply or undo (lock held).

A ``kill -9`` between creating a temp file and renaming it leaves the temp file; one during a
folder-store save leaves a ``.<id>.partial`` folder. Neither is ever read again, so both go. Old
versions wrote temp files beside their targets (``.views.py.XXXX.architect-tmp``): those are
looked for in the project too, once (a marker in the state folder remembers the sweep: this version
writes temp files in the state folder only, except when it is on another file system), skipping
folders no apply writes into.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from architect_tui.vcs.atomic import TMP_SUFFIX
from architect_tui.vcs.state import state_dir
from architect_tui.vcs.store import DIR_STORE

_SKIP_DIRS = frozenset(
    {
        ".git",
        ".architect",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "site-packages",
    }
)


def _is_leftover(name: str) -> bool:
    return name.startswith(".") and name.endswith(TMP_SUFFIX)


def clean_leftovers(root: Path) -> list[Path]:
    """Remove stale temp files and partial checkpoints; returns what was removed.

    Call only while holding the project lock: a running apply's temp file looks the same.
    """
    root = Path(root)
    removed: list[Path] = []
    state = state_dir(root)
    scratch = state / "tmp"
    if scratch.is_dir():
        for entry in scratch.iterdir():
            if entry.name != ".gitignore" and entry.is_file() and not entry.is_symlink():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    store = root / DIR_STORE
    if store.is_dir():
        for entry in store.iterdir():
            if entry.name.startswith(".") and entry.name.endswith(".partial") and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
    key = hashlib.sha1(os.path.realpath(root).encode(), usedforsecurity=False).hexdigest()[:12]
    marker = state / f"swept-{key}"  # per project: several may share one repository
    if marker.exists():
        return removed
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS]
        for name in files:
            if _is_leftover(name):
                path = Path(folder) / name
                with contextlib.suppress(OSError):
                    if path.is_file() and not path.is_symlink():
                        path.unlink()
                        removed.append(path)
    with contextlib.suppress(OSError):
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("old-style temp files swept from the project\n")
    return removed
