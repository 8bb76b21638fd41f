"""The follow-up that asks for a fix of failed checks: what it says, whatever the outcome."""

from __future__ import annotations

from pathlib import Path

from architect_tui.config import load_settings
from architect_tui.patch.verify import VerifyResult
from architect_tui.review.fix_request import MAX_DIFF_CHARS, fix_request, outcome_line

DIFF = "--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a + b\n+    return a - b\n"


def test_outcome_line_names_each_ending() -> None:
    """passed / failed with its exit code / timed out / cancelled read differently."""
    assert outcome_line(VerifyResult("t", 0, "", 1.0)).startswith("checks passed")
    assert "exit 2" in outcome_line(VerifyResult("t", 2, "", 1.0))
    assert "timed out" in outcome_line(VerifyResult("t", None, "", 9.0, timed_out=True))
    assert "cancelled" in outcome_line(VerifyResult("t", None, "", 9.0, cancelled=True))


def test_request_holds_command_tail_diff_and_round() -> None:
    """The failing command, its output's tail and the applied diff, and the rounds left."""
    result = VerifyResult("pytest -q", 1, "FAILED test_add - assert -1 == 5", 0.5)
    text = fix_request(result, [DIFF, "  "], round_no=2, rounds=3)
    assert "`pytest -q`" in text and "assert -1 == 5" in text and "exit 1" in text
    assert "+    return a - b" in text and "fix round 2 of 3" in text


def test_a_huge_diff_is_cut() -> None:
    """A diff far past the cap is cut and marked, not sent whole."""
    result = VerifyResult("pytest", 1, "", 0.1)
    text = fix_request(result, ["+x\n" * MAX_DIFF_CHARS], round_no=1, rounds=1)
    assert "(diff cut)" in text and len(text) < MAX_DIFF_CHARS + 2000


def test_verify_rounds_is_read_from_pyproject(tmp_path: Path) -> None:
    """[tool.architect] verify-rounds sets the number of fix rounds (default 3)."""
    assert load_settings(tmp_path, user_file=tmp_path / "none.toml").verify_rounds == 3
    (tmp_path / "pyproject.toml").write_text("[tool.architect]\nverify-rounds = 5\n")
    assert load_settings(tmp_path, user_file=tmp_path / "none.toml").verify_rounds == 5
