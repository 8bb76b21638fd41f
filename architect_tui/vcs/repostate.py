"""Is the repository in the middle of something? Asked before we touch the index for a commit.

``git commit --only`` refuses a partial commit during a merge, but only after our ``git add`` has
staged the file: the user is then left with an index they did not ask for in the middle of their
conflict resolution. So the state is read first and nothing is staged when it is not clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_MARKERS = (
    ("MERGE_HEAD", "a merge"),
    ("CHERRY_PICK_HEAD", "a cherry-pick"),
    ("REVERT_HEAD", "a revert"),
    ("rebase-merge", "a rebase"),
    ("rebase-apply", "a rebase or 'git am'"),
    ("BISECT_LOG", "a bisect"),
    ("index.lock", "another git command (index.lock exists)"),
)


def operation_in_progress(repo: Any) -> str | None:
    """What the repository is busy with (``"a merge"``...), or None when a commit is safe."""
    git_dir = Path(repo.git_dir)
    for name, what in _MARKERS:
        if (git_dir / name).exists():
            return what
    try:
        unmerged = repo.git.ls_files("--unmerged")
    except Exception:  # git's own failure: let the commit report it
        return None
    if unmerged.strip():
        return "unresolved conflicts in the index"
    return None
