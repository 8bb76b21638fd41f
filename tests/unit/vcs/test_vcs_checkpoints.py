"""Checkpoints and undo against real git repositories and plain folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from architect_tui.patch import apply, extract_changes, plan
from architect_tui.vcs import commit_applied, list_checkpoints, undo, undo_through
from tests.support.gitrepo import VIEWS, git, make_repo

DIFF = """```diff
--- a/app/views.py
+++ b/app/views.py
@@ -1,2 +1,2 @@
 def index():
-    return "hi"
+    return "hello"
```
"""


def user_state(root: Path) -> dict[str, str]:
    """What the user's git sees: HEAD, branches, stash, index, status."""
    return {
        "head": git(root, "rev-parse", "HEAD"),
        "branches": git(root, "branch", "--list"),
        "stash": git(root, "stash", "list"),
        "cached": git(root, "diff", "--cached"),
        "status": git(root, "status", "--porcelain"),
        "index": git(root, "ls-files", "--stage"),
    }


def run_apply(root: Path, text: str = DIFF, **kw: object):  # type: ignore[no-untyped-def]
    return apply(plan(extract_changes(text, root), root), root, **kw)  # type: ignore[arg-type]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "proj")
    # the user has work in progress: a stash, a staged change, an unstaged one
    (root / "notes.txt").write_text("stashed work\n")
    git(root, "stash", "-q")
    (root / "README.md").write_text("staged edit\n")
    git(root, "add", "README.md")
    (root / "notes.txt").write_text("unstaged edit\n")
    return root


def test_git_apply_and_undo_leave_index_head_and_stash_alone(repo: Path) -> None:
    """The checkpoint goes to a private ref; git status, stash, HEAD and index are as before."""
    before = user_state(repo)
    report = run_apply(repo, message="fix greeting")
    assert report.applied and report.checkpoint
    after = user_state(repo)
    assert {k: after[k] for k in ("head", "branches", "stash", "cached", "index")} == {
        k: before[k] for k in ("head", "branches", "stash", "cached", "index")
    }
    assert "app/views.py" in after["status"]
    assert (
        git(repo, "for-each-ref", "refs/architect/").strip().endswith("refs/architect/checkpoints")
    )
    assert list_checkpoints(repo)[0].message == "fix greeting"
    assert undo(repo).undone
    assert user_state(repo) == before
    assert (repo / "app" / "views.py").read_text() == VIEWS
    assert git(repo, "for-each-ref", "refs/architect/") == ""


def test_several_levels_of_undo(repo: Path) -> None:
    """Two applies, two undos: each restores its own previous bytes; a third has nothing to do."""
    first = run_apply(repo)
    second_diff = DIFF.replace('-    return "hi"', '-    return "hello"').replace(
        '+    return "hello"', '+    return "hello, world"'
    )
    second = run_apply(repo, second_diff)
    assert first.checkpoint != second.checkpoint
    assert len(list_checkpoints(repo)) == 2
    assert undo(repo).remaining == 1
    assert 'return "hello"\n' in (repo / "app" / "views.py").read_text()
    assert undo(repo).remaining == 0
    assert (repo / "app" / "views.py").read_text() == VIEWS
    nothing = undo(repo)
    assert not nothing.undone and nothing.reason == "nothing to undo"


def test_undo_refuses_a_file_edited_since(repo: Path) -> None:
    """A file changed after the apply is not overwritten; nothing is written; the report says so."""
    run_apply(repo)
    target = repo / "app" / "views.py"
    target.write_text(target.read_text() + "# my edit\n")
    edited = target.read_bytes()
    report = undo(repo)
    assert not report.undone
    assert report.files[0].status == "changed"
    assert "app/views.py" in (report.reason or "")
    assert target.read_bytes() == edited
    assert len(list_checkpoints(repo)) == 1  # still there, for when the user reverts the edit


def test_plain_folder_uses_architect_checkpoints(tmp_path: Path) -> None:
    """Outside git the checkpoint lives under .architect/checkpoints and undo works the same."""
    root = tmp_path / "plain"
    (root / "app").mkdir(parents=True)
    (root / "app" / "views.py").write_text(VIEWS)
    report = run_apply(root)
    assert report.applied
    assert (
        root / ".architect" / "checkpoints" / str(report.checkpoint) / "manifest.json"
    ).is_file()
    assert undo(root).undone
    assert (root / "app" / "views.py").read_text() == VIEWS
    assert not list((root / ".architect" / "checkpoints").iterdir())


@pytest.mark.parametrize("use_git", [True, False], ids=["git", "folder"])
def test_failure_between_two_writes_leaves_each_file_old_or_new(
    tmp_path: Path, use_git: bool
) -> None:
    """The second file cannot be written (its folder is a file); the first is new, undo restores."""
    root = make_repo(tmp_path / "p") if use_git else tmp_path / "p"
    if not use_git:
        (root / "app").mkdir(parents=True)
        (root / "app" / "views.py").write_text(VIEWS)
    text = DIFF + (
        "```diff\n--- /dev/null\n+++ b/app/new/mod.py\n@@ -0,0 +1,1 @@\n+VALUE = 1\n```\n"
    )
    the_plan = plan(extract_changes(text, root), root)
    assert the_plan.all_ok
    (root / "app" / "new").write_text("a file where the folder should be\n")  # after planning
    report = apply(the_plan, root)
    assert report.checkpoint and report.reason and "undo" in report.reason
    statuses = {f.path: f.status for f in report.files}
    assert statuses == {"app/views.py": "applied", "app/new/mod.py": "failed"}
    assert 'return "hello"' in (root / "app" / "views.py").read_text()  # new
    assert (root / "app" / "new").is_file()  # the second file: old (absent)
    assert not list(root.rglob("*.architect-tmp"))
    result = undo(root)
    assert result.undone, result.reason
    assert {f.path: f.status for f in result.files} == {
        "app/views.py": "restored",
        "app/new/mod.py": "unchanged",
    }
    assert (root / "app" / "views.py").read_text() == VIEWS


def test_file_mode_is_kept_and_restored(tmp_path: Path) -> None:
    """An executable stays executable after apply and after undo."""
    root = tmp_path / "p"
    (root / "app").mkdir(parents=True)
    target = root / "app" / "views.py"
    target.write_text(VIEWS)
    os.chmod(target, 0o750)
    run_apply(root)
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    undo(root)
    assert stat.S_IMODE(target.stat().st_mode) == 0o750


def test_new_file_undo_removes_it_and_its_new_folders(tmp_path: Path) -> None:
    """Undo of a new file in new folders leaves the tree as it was."""
    root = tmp_path / "p"
    root.mkdir()
    text = "```diff\n--- /dev/null\n+++ b/pkg/sub/mod.py\n@@ -0,0 +1 @@\n+X = 1\n```\n"
    assert run_apply(root).applied is False  # nothing in DIFF's file: refused
    report = run_apply(root, text)
    assert report.applied
    assert (root / "pkg" / "sub" / "mod.py").read_text() == "X = 1\n"
    result = undo(root)
    assert result.undone
    assert [(f.path, f.status) for f in result.files] == [("pkg/sub/mod.py", "removed")]
    assert not (root / "pkg").exists()


def test_commit_applied_commits_only_those_files(repo: Path) -> None:
    """On request, a commit holds exactly the applied file; the user's staged edit stays staged."""
    head = git(repo, "rev-parse", "HEAD")
    run_apply(repo)
    done = commit_applied(repo, "Apply the architect's fix")
    assert done.committed, done.reason
    assert git(repo, "rev-parse", "HEAD") != head
    assert git(repo, "show", "--name-only", "--format=%s", "HEAD").split() == [
        "Apply",
        "the",
        "architect's",
        "fix",
        "app/views.py",
    ]
    assert "README.md" in git(repo, "diff", "--cached", "--name-only")


def test_commit_applied_outside_git_says_why(tmp_path: Path) -> None:
    """No repository, no commit, a clear reason."""
    assert commit_applied(tmp_path, "x").reason == "not a git repository"


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    """Applied in repo/sub, undone from the repository root: the right file is restored."""
    repo = make_repo(tmp_path / "repo")
    sub = repo / "services" / "shop"
    (sub / "app").mkdir(parents=True)
    (sub / "app" / "views.py").write_text(VIEWS)
    assert run_apply(sub).applied
    assert 'return "hello"' in (sub / "app" / "views.py").read_text()
    assert undo(repo).undone
    assert (sub / "app" / "views.py").read_text() == VIEWS
    assert (repo / "app" / "views.py").read_text() == VIEWS  # the root's own file untouched


def chain_of_three(root: Path, start: str = "hi") -> list[str]:
    """Three applies in a row (a fix, then two fixes of the fix); returns their checkpoint ids."""
    ids = []
    for old, new in ((start, "a"), ("a", "b"), ("b", "c")):
        text = DIFF.replace('-    return "hi"', f'-    return "{old}"').replace(
            '+    return "hello"', f'+    return "{new}"'
        )
        report = run_apply(root, text)
        assert report.applied, report.reason
        ids.append(str(report.checkpoint))
    return ids


def test_undo_through_takes_back_a_whole_chain(repo: Path) -> None:
    """undo_through(first) undoes every apply since, newest first, back to before the first."""
    older = run_apply(repo, DIFF.replace("hello", "older")).checkpoint  # not part of the chain
    first, _, last = chain_of_three(repo, start="older")
    reports = undo_through(repo, first)
    assert [r.undone for r in reports] == [True, True, True]
    assert reports[0].checkpoint == last and reports[-1].checkpoint == first
    assert 'return "older"' in (repo / "app" / "views.py").read_text()
    assert [c.id for c in list_checkpoints(repo)] == [older]


def test_undo_through_stops_at_an_edited_file_and_unknown_ids(repo: Path) -> None:
    """An edit made after the chain stops it at once; an unknown id undoes nothing."""
    first, _, _ = chain_of_three(repo)
    assert undo_through(repo, "0000deadbeef")[0].reason == "no checkpoint 0000deadbeef to undo"
    target = repo / "app" / "views.py"
    target.write_text(target.read_text() + "# mine\n")
    reports = undo_through(repo, first)
    assert len(reports) == 1 and not reports[0].undone
    assert target.read_text().endswith("# mine\n") and len(list_checkpoints(repo)) == 3
