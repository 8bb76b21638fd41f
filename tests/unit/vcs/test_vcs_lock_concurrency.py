"""One apply or undo at a time: a lock with a clear message, stale plans refused, none lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from architect_tui.vcs import list_checkpoints, undo
from architect_tui.vcs.lock import LockHeld, project_lock
from architect_tui.vcs.model import FileChange
from architect_tui.vcs.state import state_dir
from architect_tui.vcs.write import write_with_checkpoint
from tests.support.gitrepo import git, make_repo

N = 10
ARCHITECT = (sys.executable, "-m", "architect_tui")
SOURCE = "".join(f"def f{i}():\n    return {i}\n\n\n" for i in range(N))

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from architect_tui.vcs.lock import project_lock
    with project_lock(Path(sys.argv[1]), "apply"):
        print("locked", flush=True)
        time.sleep(60)
    """
)


def start_holder(root: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"  # returns at once or when the child dies
    return child


def test_a_held_lock_is_named_and_a_dead_holders_lock_is_taken_over(tmp_path: Path) -> None:
    """While another process holds the lock we get a message naming it; after kill -9, the lock."""
    root = make_repo(tmp_path / "p")
    child = start_holder(root)
    try:
        with pytest.raises(LockHeld) as held, project_lock(root, "undo", wait=0.3):
            pass
        assert f"pid {child.pid}" in str(held.value) and "apply" in str(held.value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    with project_lock(root, "undo", wait=0.3) as lock:  # the dead process's lock is taken over
        assert f"pid {os.getpid()}, undo" in lock.read_text()
    assert lock.parent == state_dir(root) and ".git" in lock.parts  # git ignores it


def test_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    """A caller can hold the lock around plan + apply while apply takes it again."""
    root = tmp_path / "plain"
    (root / "m.py").parent.mkdir(parents=True)
    (root / "m.py").write_text("x = 1\n")
    with project_lock(root, "apply", wait=0.3):
        result = write_with_checkpoint(
            root, [FileChange("m.py", b"x = 1\n", b"x = 2\n", 0o644, 0o644)], "m"
        )
    assert result.error is None and (root / "m.py").read_text() == "x = 2\n"


def test_a_file_changed_since_planned_is_refused_as_stale(tmp_path: Path) -> None:
    """The bytes the change was planned from are compared under the lock: a later edit wins."""
    root = make_repo(tmp_path / "p")
    target = root / "app" / "views.py"
    planned = target.read_bytes()
    target.write_bytes(planned + b"# an edit made after planning\n")
    result = write_with_checkpoint(
        root, [FileChange("app/views.py", planned, b"replaced\n", 0o644, 0o644)], "late"
    )
    assert result.stale and result.checkpoint is None
    assert "changed since it was planned" in (result.error or "")
    assert target.read_bytes().endswith(b"# an edit made after planning\n")
    assert list_checkpoints(root) == []
    os.chmod(target, 0o600)  # a mode change since planning is stale too
    result = write_with_checkpoint(
        root, [FileChange("app/views.py", target.read_bytes(), b"replaced\n", 0o644, 0o644)], "m"
    )
    assert result.stale and "mode changed" in (result.error or "")


def diff_for(i: int) -> str:
    line = 4 * i + 1
    return (
        f"```diff\n--- a/mod.py\n+++ b/mod.py\n@@ -{line},2 +{line},2 @@\n"
        f" def f{i}():\n-    return {i}\n+    return {i}  # edit {i}\n```\n"
    )


def test_ten_concurrent_applies_lose_nothing(tmp_path: Path) -> None:
    """10 `architect apply` of disjoint edits to one file, started together: each lands or is
    refused as stale; the file holds every landed edit; one checkpoint per landed apply."""
    root = tmp_path / "proj"
    root.mkdir()
    (root / "mod.py").write_text(SOURCE)
    git(root, "init", "-q")
    for i in range(N):
        (tmp_path / f"d{i}.md").write_text(diff_for(i))
    procs = [
        subprocess.Popen(
            [*ARCHITECT, "apply", str(tmp_path / f"d{i}.md"), "--project", str(root), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(N)
    ]
    landed, refused = [], []
    for i, proc in enumerate(procs):
        out, err = proc.communicate(timeout=240)
        report = json.loads(out)
        if proc.returncode == 0:
            assert report["applied"] and report["checkpoint"]
            landed.append(i)
        else:
            assert proc.returncode == 1, err
            assert report["files"][0]["status"] == "refused", err
            assert "changed since" in report["files"][0]["reason"], err
            refused.append(i)
    assert landed, "at least the first apply lands"
    text = (root / "mod.py").read_text()
    for i in range(N):
        assert (f"  # edit {i}\n" in text) == (i in landed), (i, landed, text)
    assert len(list_checkpoints(root)) == len(landed)
    for _ in landed:  # every checkpoint is whole: undo walks back to the original
        assert undo(root).undone
    assert (root / "mod.py").read_text() == SOURCE


def test_a_lock_that_cannot_be_made_refuses_cleanly(tmp_path: Path) -> None:
    """The state folder cannot be created (a file is in its way): a reason, nothing written."""
    root = make_repo(tmp_path / "p")
    (root / ".git" / "architect").write_text("in the way\n")
    target = root / "app" / "views.py"
    old = target.read_bytes()
    result = write_with_checkpoint(
        root, [FileChange("app/views.py", old, b"new\n", 0o644, 0o644)], "m"
    )
    assert result.error and "cannot create" in result.error and result.checkpoint is None
    assert target.read_bytes() == old
    report = undo(root)
    assert not report.undone and "cannot create" in (report.reason or "")
