"""Issue 14: hostile `architect apply` input. Every row of the issue's table, run as a user runs
it (a real process, so a crash is an exit code, not a dead test run), with a hang guard and a
memory cap; no traceback, a clear message. Speed figures are in bench/bench_apply.py."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

MEMORY_CAP = 1_500_000_000  # address space; the process fails (not the test run) above it
TIMEOUT = 120  # a hang guard, not a speed assert


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def architect(root: Path, answer: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "architect_tui", "apply", str(answer), "--project", str(root),
         *flags],
        capture_output=True, text=True, timeout=TIMEOUT, check=False, preexec_fn=_limit,
    )  # fmt: skip


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "m.py").write_text("def f():\n    return 1\n")
    return project


def answer(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "answer.md"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def one_hunk(added: str) -> str:
    return f"```diff\n--- a/m.py\n+++ b/m.py\n@@ -1,2 +1,2 @@\n def f():\n-    return 1\n+{added}\n```\n"


def clean(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr and done.returncode in (0, 1, 2), done.stderr[-2000:]


def test_result_nesting_3000_parentheses_is_refused_even_dry_run(
    root: Path, tmp_path: Path
) -> None:
    """Checked with the guard before any parser: no segmentation fault, refused, exit 1."""
    text = one_hunk("    return " + "(" * 3000 + "1" + ")" * 3000)
    for flags in (("--dry-run", "--json"), ("--json",)):
        done = architect(root, answer(tmp_path, text), *flags)
        clean(done)
        assert done.returncode == 1
        [f] = json.loads(done.stdout)["files"]
        assert f["status"] == "refused" and "nested too deeply" in f["reason"]
    assert (root / "m.py").read_text() == "def f():\n    return 1\n"


def test_50_mb_input_is_refused_with_a_clear_message(root: Path, tmp_path: Path) -> None:
    """Over the input cap: exit 2 and why, without reading it all."""
    big = one_hunk("    return 2").encode() + b"+x = 1\n" * 7_200_000
    done = architect(root, answer(tmp_path, big), "--json")
    clean(done)
    assert done.returncode == 2 and "MB limit" in done.stderr


def test_ten_thousand_hunks_are_matched(tmp_path: Path) -> None:
    """10k hunks in one file: every one placed exactly (the time is bench_apply's figure)."""
    root = tmp_path / "proj"
    root.mkdir()
    n = 10_000
    (root / "big.py").write_text(
        "".join(f"def f{i}(x):\n    y = x + {i}\n    return y\n\n\n" for i in range(n))
    )
    body = [
        f"@@ -{5 * i + 1},3 +{5 * i + 1},3 @@\n def f{i}(x):\n-    y = x + {i}\n+    y = x - {i}\n     return y"
        for i in range(n)
    ]
    text = "```diff\n--- a/big.py\n+++ b/big.py\n" + "\n".join(body) + "\n```\n"
    done = architect(root, answer(tmp_path, text), "--dry-run", "--json")
    clean(done)
    [f] = json.loads(done.stdout)["files"]
    assert done.returncode == 0 and f["status"] == "would_apply"
    assert {h["status"] for h in f["hunks"]} == {"exact"} and len(f["hunks"]) == n


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f"])
def test_added_lines_with_nul_or_control_bytes_are_refused(
    root: Path, tmp_path: Path, char: str
) -> None:
    done = architect(root, answer(tmp_path, one_hunk(f"    return '{char}'")), "--json")
    clean(done)
    assert done.returncode == 1
    assert "control character" in json.loads(done.stdout)["files"][0]["hunks"][0]["reason"]
    assert (root / "m.py").read_text() == "def f():\n    return 1\n"


def test_git_binary_patch_is_refused_and_the_file_kept(root: Path, tmp_path: Path) -> None:
    """Never 'applied' with the file emptied."""
    text = (
        "```diff\ndiff --git a/m.py b/m.py\nindex 83db48f..bf26916 100644\nGIT binary patch\n"
        "literal 10\nRcmZ?wbhEHbWME}u2LKFq0lNSI\n\nliteral 9\nQcmZ?wbhEHbWME_h01B@GtN;K2\n```\n"
    )
    done = architect(root, answer(tmp_path, text), "--json")
    clean(done)
    [f] = json.loads(done.stdout)["files"]
    assert done.returncode == 1 and f["status"] == "refused" and "binary" in f["reason"]
    assert (root / "m.py").read_text() == "def f():\n    return 1\n"


def test_path_of_300_characters_is_refused_clearly(root: Path, tmp_path: Path) -> None:
    name = "x" * 300 + ".py"
    text = f"```diff\n--- /dev/null\n+++ b/{name}\n@@ -0,0 +1 @@\n+X = 1\n```\n"
    done = architect(root, answer(tmp_path, text), "--json")
    clean(done)
    [f] = json.loads(done.stdout)["files"]
    assert done.returncode == 1 and f["status"] == "refused" and "too long" in f["reason"]


@pytest.mark.parametrize("json_flag", [True, False])
def test_input_with_no_diff_exits_2_with_a_message(
    root: Path, tmp_path: Path, json_flag: bool
) -> None:
    """Exit 2 and why; --json still prints a report."""
    flags = ("--json",) if json_flag else ()
    done = architect(root, answer(tmp_path, "## Summary\nAll good, nothing to change.\n"), *flags)
    clean(done)
    assert done.returncode == 2 and "no proposed change" in done.stderr
    if json_flag:
        report = json.loads(done.stdout)
        assert report["applied"] is False and report["files"] == [] and report["reason"]


def test_creating_a_file_where_a_fifo_is_is_refused_without_hanging(
    root: Path, tmp_path: Path
) -> None:
    os.mkfifo(root / "new.py")
    text = "```diff\n--- /dev/null\n+++ b/new.py\n@@ -0,0 +1 @@\n+X = 1\n```\n"
    done = architect(root, answer(tmp_path, text), "--json")
    clean(done)
    [f] = json.loads(done.stdout)["files"]
    assert done.returncode == 1 and f["status"] == "refused" and "regular file" in f["reason"]


def test_dry_run_json_marks_files_would_apply(root: Path, tmp_path: Path) -> None:
    """Issue 11: never 'applied' when nothing was written."""
    done = architect(root, answer(tmp_path, one_hunk("    return 2")), "--dry-run", "--json")
    clean(done)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["applied"] is False
    assert [f["status"] for f in report["files"]] == ["would_apply"]
    human = architect(root, answer(tmp_path, one_hunk("    return 2")), "--dry-run")
    assert human.stdout.startswith("would apply")


def test_refused_path_is_printed_normalised(root: Path, tmp_path: Path) -> None:
    """`shop/nope.py`, not `b/shop/nope.py`."""
    text = "```diff\n--- a/shop/nope.py\n+++ b/shop/nope.py\n@@ -1 +1 @@\n-a\n+b\n```\n"
    done = architect(root, answer(tmp_path, text), "--json")
    clean(done)
    [f] = json.loads(done.stdout)["files"]
    assert f["path"] == "shop/nope.py" and f["status"] == "refused"
    assert "b/shop" not in f["reason"] and "a/shop" not in f["reason"]
