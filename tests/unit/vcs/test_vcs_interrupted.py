"""A write killed with SIGKILL half way leaves nothing git lists; the next start cleans up."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from architect_tui.patch import apply, extract_changes, plan
from architect_tui.vcs import undo
from architect_tui.vcs.state import state_dir
from tests.support.gitrepo import VIEWS, git, make_repo

DIFF = (
    "```diff\n--- a/app/views.py\n+++ b/app/views.py\n@@ -1,2 +1,2 @@\n def index():\n"
    '-    return "hi"\n+    return "hello"\n```\n'
)

# The child stops at its first rename of a temp file (the write is then half done: temp file
# written and fsynced, target not replaced) and says so; the test kills it there.
CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    real_replace = os.replace
    def stop_here(src, dst):
        if str(src).endswith(".architect-tmp"):
            print("mid-write", flush=True)
            time.sleep(60)
        return real_replace(src, dst)
    os.replace = stop_here
    from architect_tui.patch import apply, extract_changes, plan
    root = Path(sys.argv[1])
    apply(plan(extract_changes(sys.stdin.read(), root), root), root)
    """
)


def kill_mid_apply(root: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(DIFF)
    child.stdin.close()
    ready, _, _ = select.select([child.stdout], [], [], 60)  # bounded
    try:
        assert ready and child.stdout.readline().strip() == "mid-write"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith((".architect-tmp", ".partial"))]


def test_git_project_temp_file_is_in_the_git_dir_and_cleaned(tmp_path: Path) -> None:
    """kill -9 mid-write: the file is old, git status is clean, the temp file is under .git/."""
    repo = make_repo(tmp_path / "p")
    status_before = git(repo, "status", "--porcelain", "--untracked-files=all")
    old_style = repo / "app" / ".views.py.x1y2.architect-tmp"  # what older versions left
    old_style.write_text("half\n")
    kill_mid_apply(repo)  # its start already removed the old-style leftover
    assert not old_style.exists()
    assert (repo / "app" / "views.py").read_text() == VIEWS  # old bytes, never torn
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == status_before
    scratch = state_dir(repo) / "tmp"
    assert scratch.parent.parent == repo / ".git"
    assert [p.name for p in scratch.iterdir() if p.name.endswith(".architect-tmp")]
    # the next start (an undo of the saved checkpoint here) cleans the leftovers first
    report = undo(repo)
    assert report.files and report.files[0].status == "unchanged"
    assert not [p for p in scratch.iterdir() if p.name.endswith(".architect-tmp")]


@pytest.mark.parametrize("next_step", ["apply", "undo"])
def test_folder_project_partial_checkpoint_is_cleaned(tmp_path: Path, next_step: str) -> None:
    """Without git, a kill during the checkpoint save leaves a .partial folder: cleaned next."""
    root = tmp_path / "p"
    (root / "app").mkdir(parents=True)
    (root / "app" / "views.py").write_text(VIEWS)
    kill_mid_apply(root)
    assert [p.name for p in leftovers(root / ".architect")]
    assert (root / "app" / "views.py").read_text() == VIEWS
    assert not leftovers(root / "app")
    if next_step == "apply":
        assert apply(plan(extract_changes(DIFF, root), root), root).applied
    else:
        assert undo(root).reason == "nothing to undo"
    assert leftovers(root) == []
