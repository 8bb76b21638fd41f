"""``architect apply`` and ``architect undo`` as a user or a script runs them: real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = "def index():\n    return 'hi'\n\n\ndef other():\n    return 2\n"
GOOD = "## Proposed changes\n```diff\n--- a/app.py\n+++ b/app.py\n@@ -1,2 +1,2 @@\n def index():\n-    return 'hi'\n+    return 'hello'\n```\n"
BAD = "```diff\n--- a/app.py\n+++ b/app.py\n@@ -5,2 +5,2 @@\n def other():\n-    return 3\n+    return 4\n```\n"


def architect(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "app.py").write_text(SOURCE)
    return root


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "review.md"
    path.write_text(text)
    return str(path)


def test_apply_json_contract_then_undo(project: Path, tmp_path: Path) -> None:
    """Exit 0, the documented JSON fields, then undo exit 0 and the bytes are back."""
    done = architect("apply", write(tmp_path, GOOD), "--project", str(project), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"applied", "checkpoint", "files"}
    assert report["applied"] is True and isinstance(report["checkpoint"], str)
    [f] = report["files"]
    assert (f["path"], f["status"]) == ("app.py", "applied")
    assert f["hunks"] == [
        {"index": 1, "status": "exact", "line": 1, "offset": 0, "score": 1.0, "reason": None}
    ]
    assert "return 'hello'" in (project / "app.py").read_text()
    undone = architect("undo", "--project", str(project), "--json")
    assert undone.returncode == 0, undone.stderr
    assert json.loads(undone.stdout)["undone"] is True
    assert (project / "app.py").read_text() == SOURCE
    again = architect("undo", "--project", str(project))
    assert again.returncode == 1 and "nothing to undo" in again.stderr


def test_failing_hunk_exits_1_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    """Without --partial, one failing hunk: exit 1, nothing written, the reason reported."""
    done = architect("apply", write(tmp_path, GOOD + BAD), "--project", str(project), "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["applied"] is False and report["checkpoint"] is None
    statuses = [h["status"] for f in report["files"] for h in f["hunks"]]
    assert statuses == ["exact", "failed"]
    assert report["files"][0]["hunks"][1]["reason"]
    assert (project / "app.py").read_text() == SOURCE


def test_partial_writes_what_matches_and_still_exits_1(project: Path, tmp_path: Path) -> None:
    """--partial: the good hunk is written, exit 1 because another failed."""
    done = architect("apply", write(tmp_path, GOOD + BAD), "--project", str(project), "--partial")
    assert done.returncode == 1
    assert "return 'hello'" in (project / "app.py").read_text()
    assert "failed" in done.stdout


def test_dry_run_from_stdin(project: Path) -> None:
    """'-' reads stdin; --dry-run exits 0 and leaves the file alone."""
    done = architect("apply", "-", "--project", str(project), "--dry-run", stdin=GOOD)
    assert done.returncode == 0, done.stderr
    assert "would apply" in done.stdout
    assert (project / "app.py").read_text() == SOURCE


def test_review_json_is_accepted(project: Path, tmp_path: Path) -> None:
    """The output of 'architect review --format json' can be piped in as is."""
    doc = json.dumps({"target": "index", "markdown": GOOD, "changes": "", "incomplete": False})
    done = architect("apply", "-", "--project", str(project), "--json", stdin=doc)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"][0]["status"] == "applied"


@pytest.mark.parametrize(
    "args",
    [
        ["apply", "/nonexistent/review.md"],
        ["apply", "-", "--project", "/nonexistent/project"],
        ["apply"],
        ["undo", "--project", "/nonexistent/project"],
    ],
)
def test_usage_and_unreadable_input_exit_2(args: list[str]) -> None:
    """Missing file, bad project, missing argument: exit 2 with a message, no traceback."""
    done = architect(*args, stdin="")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_undo_refuses_after_an_edit(project: Path, tmp_path: Path) -> None:
    """The user edited the file after the apply: undo exits 1 and keeps the edit."""
    architect("apply", write(tmp_path, GOOD), "--project", str(project))
    (project / "app.py").write_text("mine\n")
    done = architect("undo", "--project", str(project), "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["files"][0]["status"] == "changed"
    assert (project / "app.py").read_text() == "mine\n"
