"""``architect apply FILE --verify [CMD]`` as a script runs it: exit 4 and the verify report."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.gitrepo import git, make_repo, plant_checkpoint

SOURCE = "def price():\n    return 10\n"
DIFF = (
    "```diff\n--- a/shop.py\n+++ b/shop.py\n@@ -1,2 +1,2 @@\n def price():\n"
    "-    return 10\n+    return {value}\n```\n"
)
CHECK = "python3 -c 'import shop, sys; sys.exit(0 if shop.price() == 10 else 1)'"


def architect(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", "apply", *args, "--project", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "shop.py").write_text(SOURCE)
    (root / "pyproject.toml").write_text(f'[tool.architect]\nverify = "{CHECK}"\n')
    return root


def review(tmp_path: Path, value: str) -> str:
    path = tmp_path / f"review-{value.strip()[:3]}.md"
    path.write_text(DIFF.format(value=value))
    return str(path)


def test_verification_failure_exits_4_with_the_report(project: Path, tmp_path: Path) -> None:
    """The change is written, the configured check fails: exit 4, "verify" in the JSON."""
    done = architect(project, review(tmp_path, "11"), "--verify", "--json")
    assert done.returncode == 4, done.stderr
    doc = json.loads(done.stdout)  # stdout is the report alone; the check's output went to stderr
    assert doc["applied"] and doc["checkpoint"]
    assert doc["verify"]["exit"] == 1 and doc["verify"]["command"].startswith("compile shop.py")
    assert set(doc["verify"]) >= {"command", "exit", "output_tail", "seconds"}
    assert "verify: FAILED" in done.stderr
    assert "return 11" in (project / "shop.py").read_text()  # written: undo is the way back


def test_verification_success_keeps_exit_0(project: Path, tmp_path: Path) -> None:
    """A check that passes (CMD given on the command line wins over the config)."""
    done = architect(project, review(tmp_path, "10  # same"), "--json", "--verify", "true")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["verify"]["exit"] == 0 and doc["verify"]["command"] == "compile shop.py && true"


def test_a_syntax_error_fails_the_compile_check(project: Path, tmp_path: Path) -> None:
    """Parses and passes pyflakes (the apply path refuses a stray 'break' before writing) but
    does not compile: caught, streamed, exit 4."""
    done = architect(project, review(tmp_path, "10\n+nonlocal x"), "--verify", "true")
    assert done.returncode == 4, done.stderr
    assert "shop.py:3: SyntaxError: nonlocal declaration not allowed at module level" in done.stdout
    assert "verify: FAILED" in done.stdout


def test_dry_run_and_no_verify_run_nothing(project: Path, tmp_path: Path) -> None:
    """--dry-run writes nothing, so there is nothing to verify; no --verify, no "verify" key."""
    dry = architect(project, review(tmp_path, "11"), "--dry-run", "--json", "--verify")
    assert dry.returncode == 0 and "verify" not in json.loads(dry.stdout)
    plain = architect(project, review(tmp_path, "11"), "--json")
    assert plain.returncode == 0 and "verify" not in json.loads(plain.stdout)


def test_failed_verification_is_not_committed(project: Path, tmp_path: Path) -> None:
    """--commit with a failing check: the change stays uncommitted, HEAD unchanged."""
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.email", "dev@example.com")
    git(project, "config", "user.name", "Dev")
    git(project, "add", ".")
    git(project, "commit", "-qm", "init")
    head = git(project, "rev-parse", "HEAD")
    done = architect(project, review(tmp_path, "11"), "--verify", "--commit")
    assert done.returncode == 4 and "not committed: verification failed" in done.stderr
    assert git(project, "rev-parse", "HEAD") == head


def test_undo_cli_lists_and_refuses_a_planted_checkpoint(tmp_path: Path) -> None:
    """`architect undo --list` names the problem; `architect undo --json` refuses, exit 1."""
    repo = make_repo(tmp_path / "r")
    manifest = {"files": [{"path": "../../x.py", "before": True, "after": True}], "prefix": ""}
    plant_checkpoint(
        repo, manifest, {"before-0": b"a", "after-0": b"b"}, "refs/architect/checkpoints"
    )
    run = [sys.executable, "-m", "architect_tui", "undo", "--project", str(repo)]
    listed = subprocess.run([*run, "--list"], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "cannot be restored: unsafe path" in listed.stdout
    done = subprocess.run([*run, "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    doc = json.loads(done.stdout)
    assert doc["undone"] is False and "cannot be restored safely" in doc["reason"]
    assert set(doc) == {"undone", "checkpoint", "files", "reason", "remaining"}


def test_apply_onto_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    """A diff creating shop.py where a FIFO sits: refused with a reason, within the timeout."""
    root = tmp_path / "p"
    root.mkdir()
    os.mkfifo(root / "shop.py")
    diff = "```diff\n--- /dev/null\n+++ b/shop.py\n@@ -0,0 +1 @@\n+X = 1\n```\n"
    (tmp_path / "r.md").write_text(diff)
    done = architect(root, str(tmp_path / "r.md"), "--json")  # subprocess timeout: 120 s
    assert done.returncode == 1
    assert "not a regular file" in json.dumps(json.loads(done.stdout))
    assert stat.S_ISFIFO((root / "shop.py").stat().st_mode)
