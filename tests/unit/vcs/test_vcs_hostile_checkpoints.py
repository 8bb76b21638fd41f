"""A checkpoint is hostile input: a planted ref or folder can never make undo write outside."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from architect_tui.patch import apply, extract_changes, plan
from architect_tui.vcs import list_checkpoints, undo
from architect_tui.vcs.store import CHECKPOINT_REF
from tests.support.gitrepo import VIEWS, make_repo, plant_checkpoint

DIFF = (
    "```diff\n--- a/app/views.py\n+++ b/app/views.py\n@@ -1,2 +1,2 @@\n def index():\n"
    '-    return "hi"\n+    return "hello"\n```\n'
)


def manifest(path: str, prefix: str = "", **extra: object) -> dict[str, object]:
    entry = {"path": path, "before": True, "after": True, "before_mode": None, "after_mode": None}
    entry.update(extra)
    return {"version": 1, "message": "planted", "created": "", "prefix": prefix, "files": [entry]}


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    }


@pytest.fixture
def victim(tmp_path: Path) -> tuple[Path, Path]:
    """A repository at tmp/a/b/repo and a file outside it that an attacker wants overwritten."""
    repo = make_repo(tmp_path / "a" / "b" / "repo")
    outside = tmp_path / "a" / "outside"
    outside.mkdir()
    (outside / "app").mkdir()
    (outside / "app" / "views.py").write_bytes(b"ORIGINAL\n")
    return repo, outside


@pytest.mark.parametrize(
    ("prefix", "path"),
    [
        ("../../outside", "app/views.py"),  # the case: the prefix climbs out
        ("", "../../outside/app/views.py"),
        ("", "/etc/architect-planted"),
        ("", ".git/hooks/pre-commit"),
        ("app/../..", "outside/app/views.py"),
        ("/tmp", "x.py"),
    ],
)
def test_planted_manifest_never_writes_outside(
    victim: tuple[Path, Path], prefix: str, path: str
) -> None:
    """Undo of a planted checkpoint with an unsafe prefix or path refuses and writes nothing."""
    repo, outside = victim
    plant_checkpoint(
        repo,
        manifest(path, prefix),
        {"before-0": b"PWNED\n", "after-0": b"ORIGINAL\n"},
        CHECKPOINT_REF,
    )
    before_repo = tree_snapshot(repo)
    report = undo(repo)
    assert not report.undone
    assert report.reason and "cannot be restored safely" in report.reason
    assert (outside / "app" / "views.py").read_bytes() == b"ORIGINAL\n"
    assert not Path("/etc/architect-planted").exists()
    assert tree_snapshot(repo) == before_repo
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()
    assert report.remaining == 1  # the planted checkpoint is not silently dropped either


def test_prefix_through_a_symlink_out_of_the_tree_is_refused(victim: tuple[Path, Path]) -> None:
    """A prefix whose text is harmless but which is a symlink leading outside is refused."""
    repo, outside = victim
    os.symlink(outside, repo / "vendor")
    plant_checkpoint(
        repo,
        manifest("app/views.py", "vendor"),
        {"before-0": b"PWNED\n", "after-0": b"ORIGINAL\n"},
        CHECKPOINT_REF,
    )
    report = undo(repo)
    assert not report.undone and "out of the work tree" in (report.reason or "")
    assert (outside / "app" / "views.py").read_bytes() == b"ORIGINAL\n"


@pytest.mark.parametrize(
    "bad",
    [
        {"files": "not a list"},
        {"files": [{"path": 7, "before": True, "after": True}]},
        {"files": [{"path": "app/views.py", "before": True, "after": True, "after_mode": "x"}]},
        {"files": [{"path": "app/views.py", "before": True, "after": True, "created_dirs": ["/"]}]},
    ],
)
def test_malformed_manifest_is_a_clear_refusal(victim: tuple[Path, Path], bad: dict) -> None:
    """Wrong types in a manifest: undo says the checkpoint is unusable instead of crashing."""
    repo, _ = victim
    plant_checkpoint(repo, bad, {"before-0": b"x\n", "after-0": VIEWS.encode()}, CHECKPOINT_REF)
    report = undo(repo)
    assert not report.undone and "cannot be restored safely" in (report.reason or "")
    assert list_checkpoints(repo)[0].problem
    assert (repo / "app" / "views.py").read_text() == VIEWS


def test_planted_folder_checkpoint_outside_git_is_refused(tmp_path: Path) -> None:
    """The folder store is checked the same way: a manifest path with '..' writes nothing."""
    root = tmp_path / "proj"
    (root / "app").mkdir(parents=True)
    (tmp_path / "outside.py").write_bytes(b"ORIGINAL\n")
    cp = root / ".architect" / "checkpoints" / "99990101T000000000000Z-001"
    cp.mkdir(parents=True)
    (cp / "manifest.json").write_text(json.dumps(manifest("../outside.py")))
    (cp / "before-0").write_bytes(b"PWNED\n")
    (cp / "after-0").write_bytes(b"ORIGINAL\n")
    report = undo(root)
    assert not report.undone and "'..'" in (report.reason or "")
    assert (tmp_path / "outside.py").read_bytes() == b"ORIGINAL\n"


def test_mode_change_after_the_apply_is_a_user_edit(tmp_path: Path) -> None:
    """chmod +x after the apply: undo refuses that file like a content edit, writes nothing."""
    repo = make_repo(tmp_path / "p")
    target = repo / "app" / "views.py"
    assert apply(plan(extract_changes(DIFF, repo), repo), repo).applied
    applied = target.read_bytes()
    os.chmod(target, 0o755)
    report = undo(repo)
    assert not report.undone
    assert [(f.path, f.status) for f in report.files] == [("app/views.py", "changed")]
    assert "mode changed" in (report.files[0].reason or "")
    assert target.read_bytes() == applied and stat.S_IMODE(target.stat().st_mode) == 0o755
    os.chmod(target, 0o644)  # the user takes the chmod back: undo works again
    assert undo(repo).undone and target.read_text() == VIEWS


def test_new_file_mode_is_recorded_so_a_chmod_is_seen(tmp_path: Path) -> None:
    """A file the apply created gets its mode recorded; chmod after it blocks undo too."""
    repo = make_repo(tmp_path / "p")
    text = "```diff\n--- /dev/null\n+++ b/tool.py\n@@ -0,0 +1 @@\n+X = 1\n```\n"
    assert apply(plan(extract_changes(text, repo), repo), repo).applied
    os.chmod(repo / "tool.py", 0o700)
    assert not undo(repo).undone and (repo / "tool.py").exists()
