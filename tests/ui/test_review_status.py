"""The review panel's one-line wordings: pure functions, checked without a screen."""

from __future__ import annotations

from architect_tui.review.model import Failed, Usage
from architect_tui.ui.review.status import (
    changes_label,
    count_changes,
    failure_hint,
    failure_title,
    format_usage,
    header_content,
)

TWO_FILES = """--- a/a.py
+++ b/a.py
@@ -1 +1 @@
-x
+y
@@ -9 +9 @@
-p
+q
--- /dev/null
+++ b/new.py
@@ -0,0 +1 @@
+z
"""


def test_usage_line_shows_cache_only_when_used_and_the_cost() -> None:
    """Tokens with thousands separators; cache counts only when there are some; cost last."""
    assert format_usage(None) == ""
    assert format_usage(Usage(1234, 56)) == "in 1,234 · out 56"
    assert format_usage(Usage(10, 2, 300, 4000), 0.5) == (
        "in 10 · out 2 · cache w 300 / r 4,000 · ~$0.5000"
    )


def test_changes_are_counted_by_hunk_and_file() -> None:
    """Hunks are the changes, files where they land; a new file counts as a file."""
    assert count_changes(TWO_FILES) == (3, 2)
    assert changes_label(TWO_FILES) == "3 proposed changes in 2 files — open the changes view"
    assert changes_label("") == "No proposed changes"
    assert changes_label("", noun="local fix") == "No local fixes"


def test_local_fix_wording() -> None:
    """The offline rules' fixes read as fixes, singular and plural."""
    one = TWO_FILES.split("--- /dev/null")[0].rsplit("@@ -9", 1)[0]
    assert changes_label(one, noun="local fix") == "1 local fix in 1 file — open the changes view"
    assert changes_label(TWO_FILES, noun="local fix").startswith("3 local fixes in 2 files")


def test_every_failure_kind_has_a_title_and_a_way_forward() -> None:
    """Each kind the engine sends has its own headline and a hint; retryable ones offer r."""
    kinds = [
        "no_key",
        "auth",
        "forbidden",
        "not_found",
        "too_large",
        "rate_limited",
        "overloaded",
        "server",
        "connection",
        "timeout",
        "cut",
        "refused",
        "cancelled",
    ]
    titles = {failure_title(k) for k in kinds}
    assert len(titles) == len(kinds)
    for kind in kinds:
        assert failure_hint(Failed(kind, "x")), kind
    assert "Press r to retry" in failure_hint(Failed("refused", "x", retryable=True))
    assert failure_title("something new") == "The review stopped"


def test_header_reads_target_model_lens_status_and_usage() -> None:
    """One line of facts, the status with its detail, then usage when there is some."""
    plain = header_content(
        "auth.login",
        "claude-sonnet-5-5",
        "security",
        "waiting",
        "12s (rate limited)",
        Usage(100, 5),
        0.001,
    ).plain
    assert plain == (
        "auth.login · claude-sonnet-5-5 · lens security · waiting — 12s (rate limited)\n"
        "in 100 · out 5 · ~$0.0010"
    )
    assert header_content("", "", "full", "idle").plain == "Architect review · lens full · idle"
