"""Planning and applying: accepted subsets, stale files, re-anchoring, refusals with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.patch import apply, extract_changes, plan, sha256
from architect_tui.vcs import undo

LINES = [f"def f{i}():\n    return {i}\n\n\n" for i in range(8)]
SOURCE = "".join(LINES)


def four_hunks() -> str:
    out = "```diff\n--- a/mod.py\n+++ b/mod.py\n"
    for i in (0, 2, 4, 6):
        line = 4 * i + 1
        out += f"@@ -{line},2 +{line},2 @@\n def f{i}():\n-    return {i}\n+    return {i * 10}\n"
    return out + "```\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "mod.py").write_text(SOURCE)
    return tmp_path


def test_accept_half_the_hunks_apply_then_undo_byte_for_byte(root: Path) -> None:
    """The issue's done-when: half the hunks accepted, applied, visible, undone exactly."""
    the_plan = plan(extract_changes(four_hunks(), root), root)
    assert [h.status for h in the_plan.files[0].hunks] == ["exact"] * 4
    report = apply(the_plan, root, accepted={("mod.py", 1), ("mod.py", 3)}, partial=True)
    assert report.applied and report.exit_code == 0
    text = (root / "mod.py").read_text()
    assert "return 0\n" in text and "return 40\n" in text
    assert "return 20\n" not in text and "return 60\n" not in text
    assert report.files[0].applied_hunks == [1, 3]
    assert undo(root).undone
    assert (root / "mod.py").read_bytes() == SOURCE.encode()


def test_dry_run_writes_nothing(root: Path) -> None:
    """--dry-run: the report says what would happen; no bytes, no checkpoint."""
    report = apply(plan(extract_changes(four_hunks(), root), root), root, dry_run=True)
    assert report.exit_code == 0 and not report.applied and report.checkpoint is None
    assert (root / "mod.py").read_text() == SOURCE
    assert not (root / ".architect").exists()


def test_file_edited_between_preview_and_apply_is_refused(root: Path) -> None:
    """The plan's bytes no longer match the disk: refused, nothing written."""
    the_plan = plan(extract_changes(four_hunks(), root), root)
    (root / "mod.py").write_text(SOURCE + "# edited\n")
    report = apply(the_plan, root)
    assert report.files[0].status == "refused" and "changed since" in (report.files[0].reason or "")
    assert (root / "mod.py").read_text() == SOURCE + "# edited\n"


def test_file_changed_since_review_is_reanchored(root: Path) -> None:
    """With base hashes from review time, a changed file's hunks say reanchored and still match."""
    base = {"mod.py": sha256(SOURCE.encode())}
    (root / "mod.py").write_text("import os\n\n\n" + SOURCE)
    the_plan = plan(extract_changes(four_hunks(), root), root, base=base)
    fp = the_plan.files[0]
    assert fp.reanchored and all(h.reanchored for h in fp.hunks)
    assert [(h.status, h.offset) for h in fp.hunks] == [("offset", 3)] * 4
    unchanged = plan(
        extract_changes(four_hunks(), root),
        root,
        base={"mod.py": sha256((root / "mod.py").read_bytes())},
    )
    assert not unchanged.files[0].reanchored


def test_preview_diffs_are_produced(root: Path) -> None:
    """Each hunk carries a unified diff against the real file; the file a whole-file diff."""
    fp = plan(extract_changes(four_hunks(), root), root).files[0]
    assert fp.hunks[1].diff.splitlines() == [
        "@@ -9,2 +9,2 @@",
        " def f2():",
        "-    return 2",
        "+    return 20",
    ]
    assert fp.diff.startswith("--- a/mod.py\n+++ b/mod.py\n")


@pytest.mark.parametrize(
    ("added", "reason"),
    [
        ("    return '«REDACTED:3»'", "redaction placeholder"),
        ("    # ... rest unchanged", "elides code"),
        ("    return (", "does not parse"),
    ],
)
def test_refusals_carry_a_reason(root: Path, added: str, reason: str) -> None:
    """Placeholders, elisions and unparsable results are refused and explained."""
    text = f"```diff\n--- a/mod.py\n+++ b/mod.py\n@@ -1,2 +1,2 @@\n def f0():\n-    return 0\n+{added}\n```\n"
    the_plan = plan(extract_changes(text, root), root)
    fp = the_plan.files[0]
    why = fp.reason or fp.hunks[0].reason or ""
    assert reason in why
    report = apply(the_plan, root)
    assert report.exit_code == 1 and not report.applied
    assert (root / "mod.py").read_text() == SOURCE


def test_character_the_encoding_cannot_hold_is_refused(tmp_path: Path) -> None:
    """A latin-1 file cannot receive an arrow: refused rather than re-encoded."""
    data = "# -*- coding: latin-1 -*-\nx = 'é'\n".encode("latin-1")
    (tmp_path / "m.py").write_bytes(data)
    text = "```diff\n--- a/m.py\n+++ b/m.py\n@@ -2 +2 @@\n-x = 'é'\n+x = '→'\n```\n"
    fp = plan(extract_changes(text, tmp_path), tmp_path).files[0]
    assert fp.status == "refused" and "cannot be written as" in (fp.reason or "")


def test_mixed_line_endings_keep_each_line_s_own(tmp_path: Path) -> None:
    """Untouched lines keep their own ending; new lines get the dominant one."""
    (tmp_path / "a.txt").write_bytes(b"one\r\ntwo\r\nthree\nfour\r\n")
    text = "```diff\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,4 @@\n one\n two\n+two and a half\n three\n```\n"
    apply(plan(extract_changes(text, tmp_path), tmp_path), tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == b"one\r\ntwo\r\ntwo and a half\r\nthree\nfour\r\n"


def test_no_newline_marker_is_honoured(tmp_path: Path) -> None:
    """'\\ No newline at end of file' on the new side removes the final newline."""
    (tmp_path / "a.txt").write_bytes(b"a\nb\n")
    text = "```diff\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file\n```\n"
    apply(plan(extract_changes(text, tmp_path), tmp_path), tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == b"a\nc"


def test_no_changes_is_not_a_failure(root: Path) -> None:
    """An answer with no proposed changes applies nothing and exits 0."""
    report = apply(plan(extract_changes("## Proposed changes\nNone.\n", root), root), root)
    assert (report.exit_code, report.applied, report.files) == (0, False, [])
