"""Checkpoints per linked worktree, and no commit (nothing staged) while git is mid-operation."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.patch import apply, extract_changes, plan
from architect_tui.vcs import commit_applied, list_checkpoints, undo
from tests.support.gitrepo import VIEWS, git, make_repo

DIFF = (
    "```diff\n--- a/app/views.py\n+++ b/app/views.py\n@@ -1,2 +1,2 @@\n def index():\n"
    '-    return "hi"\n+    return "hello"\n```\n'
)


def run_apply(root: Path, text: str = DIFF, message: str = "") -> None:
    report = apply(plan(extract_changes(text, root), root), root, message=message)
    assert report.applied, report.reason


def test_undo_in_the_main_tree_never_eats_a_worktrees_checkpoint(tmp_path: Path) -> None:
    """Apply in a linked worktree, then in the main tree: each undo takes its own checkpoint."""
    main = make_repo(tmp_path / "main")
    linked = tmp_path / "linked"
    git(main, "worktree", "add", "-q", str(linked), "-b", "feature")
    run_apply(linked, message="in the worktree")
    run_apply(main, message="in main")
    assert [c.message for c in list_checkpoints(main)] == ["in main"]
    assert [c.message for c in list_checkpoints(linked)] == ["in the worktree"]
    assert undo(main).undone
    nothing = undo(main)
    assert not nothing.undone and nothing.reason == "nothing to undo"
    assert 'return "hello"' in (linked / "app" / "views.py").read_text()
    assert [c.message for c in list_checkpoints(linked)] == ["in the worktree"]
    git(main, "gc", "-q", "--prune=now")  # the worktree's checkpoint is reachable for gc
    assert undo(linked).undone
    assert (linked / "app" / "views.py").read_text() == VIEWS
    assert (main / "app" / "views.py").read_text() == VIEWS


def test_checkpoints_saved_under_the_old_ref_are_still_undone(tmp_path: Path) -> None:
    """The main tree keeps using refs/architect/checkpoints, so earlier checkpoints still undo."""
    repo = make_repo(tmp_path / "p")
    run_apply(repo)
    assert "refs/architect/checkpoints" in git(repo, "for-each-ref", "refs/architect/")
    assert undo(repo).undone


def start_merge_conflict(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "other")
    (repo / "notes.txt").write_text("theirs\n")
    git(repo, "commit", "-qam", "theirs")
    git(repo, "checkout", "-q", "main")
    (repo / "notes.txt").write_text("ours\n")
    git(repo, "commit", "-qam", "ours")


@pytest.mark.parametrize("operation", ["merge", "rebase", "cherry-pick"])
def test_commit_is_refused_mid_operation_and_nothing_is_staged(
    tmp_path: Path, operation: str
) -> None:
    """apply --commit during a conflicted merge/rebase/cherry-pick: refused, index untouched."""
    repo = make_repo(tmp_path / "p")
    start_merge_conflict(repo)
    git(repo, operation, "other", check=False)  # stops on the notes.txt conflict
    index_before = git(repo, "ls-files", "--stage")
    head_before = git(repo, "rev-parse", "HEAD")
    run_apply(repo)
    done = commit_applied(repo, "should not happen")
    assert not done.committed
    assert "in progress" in (done.reason or "") and "nothing was staged" in (done.reason or "")
    assert git(repo, "ls-files", "--stage") == index_before
    assert git(repo, "rev-parse", "HEAD") == head_before
    assert "app/views.py" not in git(repo, "diff", "--cached", "--name-only")


def test_commit_still_works_when_the_repository_is_clean(tmp_path: Path) -> None:
    """The state check does not block the ordinary case."""
    repo = make_repo(tmp_path / "p")
    run_apply(repo)
    done = commit_applied(repo, "apply")
    assert done.committed, done.reason
