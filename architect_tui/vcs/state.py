"""Where our own working files live: never among the user's files, never where git lists them.

In a repository that is ``<git dir>/architect/`` (the per-worktree git dir, so two linked
worktrees never share a lock or scratch files); elsewhere ``<project>/.architect/``. Git never
shows anything under its own folder as untracked, so a temp file left by a ``kill -9`` cannot
end up in ``git status`` or, worse, in a commit.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from architect_tui.vcs.store import find_repo


def state_dir(root: Path) -> Path:
    """The folder holding the lock and scratch files for the project at ``root``."""
    repo = find_repo(Path(root))
    if repo is not None:
        return Path(repo.git_dir) / "architect"
    return Path(root) / ".architect"


def scratch_dir(root: Path) -> Path | None:
    """A folder for temp files of atomic writes, created on demand and ignored by git.

    None when it cannot be made (a read-only git dir): temp files then go beside their targets.
    """
    folder = state_dir(root) / "tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    ignore = folder / ".gitignore"
    if not ignore.exists():  # a plain folder may become a repository later
        with contextlib.suppress(OSError):
            ignore.write_text("*\n")
    return folder
