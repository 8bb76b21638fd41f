"""``architect check`` on hostile trees: each case ends quickly with a diagnostic, never a crash
(LibCST segfaults on deep nesting), a hang (a FIFO, /dev/zero) or a huge read.

Each case runs ``architect check`` in a child process, so a segfault would fail the test instead
of killing pytest, with a timeout as the bound on a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def _nested_parens(root: Path) -> None:
    (root / "deep.py").write_text("x = " + "(" * 2000 + "1" + ")" * 2000 + "\n")


def _chained_calls(root: Path) -> None:
    (root / "chain.py").write_text("x = a" + ".b()" * 20_000 + "\n")


def _long_sum(root: Path) -> None:
    (root / "sum.py").write_text("x = " + "+".join(["1"] * 50_000) + "\n")


def _fifo(root: Path) -> None:
    os.mkfifo(root / "pipe.py")


def _dev_zero(root: Path) -> None:
    (root / "zero.py").symlink_to("/dev/zero")


def _huge(root: Path) -> None:
    line = "x = 1  # " + "padding " * 12 + "\n"
    with (root / "huge.py").open("w") as fh:
        fh.write(line * (20_000_000 // len(line) + 1))


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "nested_parens": (_nested_parens, "deep.py"),
    "chained_calls": (_chained_calls, "chain.py"),
    "long_sum": (_long_sum, "sum.py"),
    "fifo": (_fifo, "pipe.py"),
    "dev_zero": (_dev_zero, "zero.py"),
    "huge_file": (_huge, "huge.py"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_hostile_file_and_keeps_going(case: str, tmp_path: Path) -> None:
    """The hostile file becomes an error entry in the JSON report; a normal file next to it is
    still checked (its hard-coded secret found); exit code from the findings, not a crash."""
    make, name = CASES[case]
    project = tmp_path / "project"
    project.mkdir()
    make(project)
    (project / "config.py").write_text('SECRET_KEY = "s3cr3t-production-key-1234"\n')
    env = {**os.environ, "ARCHITECT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "architect_tui", "check", str(project), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode in {0, 1}, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert [e["file"] for e in report["errors"]] == [name], report["errors"]
    assert report["errors"][0]["message"].startswith("skipped")
    assert [(f["file"], f["rule"]) for f in report["findings"]] == [("config.py", "FLK102")]
