"""Pilot tests of the changes view on a real project in a tmp dir (real files, real undo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input
from textual_diff_view import DiffView

from architect_tui.patch import ApplyPlan, extract_changes, plan
from architect_tui.ui.changes import ChangesScreen, HunkCard
from architect_tui.ui.changes.dialogs import CommitMessageScreen

SOURCE = "".join(f"def f{i}():\n    return {i}\n\n\n" for i in range(8))


def answer(indices: tuple[int, ...] = (1, 3, 5, 7), bad: bool = False) -> str:
    out = "## Proposed changes\n```diff\n--- a/mod.py\n+++ b/mod.py\n"
    for i in indices:
        line = 4 * i + 1
        out += f"@@ -{line},2 +{line},2 @@\n def f{i}():\n-    return {i}\n+    return {i * 10}\n"
    if bad:
        out += "@@ -1,2 +1,2 @@\n def f0():\n-    return 99\n+    return 100\n"
    return out + "```\n"


class Host(App[None]):
    """A tiny app that pushes the screen, like the main app will, and records what reaches it."""

    def __init__(self, screen: ChangesScreen) -> None:
        super().__init__()
        self.to_push = screen
        self.heard: list[Message] = []

    def on_changes_screen_applied(self, message: ChangesScreen.Applied) -> None:
        self.heard.append(message)

    def on_changes_screen_undone(self, message: ChangesScreen.Undone) -> None:
        self.heard.append(message)

    def on_mount(self) -> None:
        self.push_screen(self.to_push)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "mod.py").write_text(SOURCE)
    return tmp_path


def make_plan(root: Path, **kw: object) -> ApplyPlan:
    return plan(extract_changes(answer(**kw), root), root)  # type: ignore[arg-type]


async def test_accept_half_apply_then_undo(root: Path) -> None:
    """space on hunks 1 and 3, enter: only those are written; u restores the bytes."""
    seen: list[Message] = []
    screen = ChangesScreen(make_plan(root), root, message="test review")
    app = Host(screen)
    async with app.run_test(size=(120, 50), message_hook=seen.append) as pilot:
        await pilot.pause()
        cards = list(screen.query(HunkCard))
        assert len(cards) == 4 and screen.focused is cards[0]
        await pilot.press("space", "down", "down", "space")
        assert screen.accepted == {("mod.py", 1), ("mod.py", 3)}
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # one message, seen by the screen and again as it bubbles up to the app
        applied = list({id(m): m for m in seen if isinstance(m, ChangesScreen.Applied)}.values())
        assert len(applied) == 1 and applied[0].report.applied
        text = (root / "mod.py").read_text()
        assert "return 10\n" in text and "return 50\n" in text
        assert "return 30\n" not in text and "return 70\n" not in text
        assert [c.applied for c in cards] == [True, False, True, False]
        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        undone = list({id(m): m for m in seen if isinstance(m, ChangesScreen.Undone)}.values())
        assert len(undone) == 1 and undone[0].report.undone
        assert (root / "mod.py").read_bytes() == SOURCE.encode()
        assert not any(c.applied for c in cards)
        assert [type(m) for m in app.heard] == [ChangesScreen.Applied, ChangesScreen.Undone]


async def test_failed_hunk_shows_why_and_cannot_be_accepted(root: Path) -> None:
    """The failing hunk's card carries its reason; space leaves it out of the accepted set."""
    screen = ChangesScreen(make_plan(root, bad=True), root)
    async with Host(screen).run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        failed = [c for c in screen.query(HunkCard) if not c.can_accept]
        assert len(failed) == 1 and failed[0].has_class("-failed")
        reason = failed[0].query_one(".hunk-reason")
        assert "removed" in str(reason.render())
        failed[0].focus()
        await pilot.press("space")
        assert screen.accepted == set()
        await pilot.press("a")
        assert len(screen.accepted) == 4 and failed[0].key not in screen.accepted
        await pilot.press("a")
        assert screen.accepted == set()


async def test_enter_with_nothing_accepted_writes_nothing(root: Path) -> None:
    """No hunk accepted: enter explains and the file is untouched; no message is posted."""
    seen: list[Message] = []
    screen = ChangesScreen(make_plan(root), root)
    app = Host(screen)
    async with app.run_test(size=(120, 50), message_hook=seen.append) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(isinstance(m, ChangesScreen.Applied) for m in seen)
        assert (root / "mod.py").read_text() == SOURCE


async def test_split_toggles_between_side_by_side_and_unified(root: Path) -> None:
    """s forces side by side, s again unified, on every diff."""
    screen = ChangesScreen(make_plan(root), root)
    async with Host(screen).run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert all(v.split for v in screen.query(DiffView))
        await pilot.press("s")
        await pilot.pause()
        assert not any(v.split for v in screen.query(DiffView))


async def test_commit_on_request_in_a_git_repository(root: Path) -> None:
    """c after an apply commits the applied file with the review's message."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True
        ).stdout

    git("init", "-q")
    git("config", "user.email", "dev@example.com")
    git("config", "user.name", "Dev")
    git("add", ".")
    git("commit", "-qm", "init")
    screen = ChangesScreen(make_plan(root), root, message="Return tenfold values")
    app = Host(screen)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("c")  # nothing applied yet: refused with a notice
        await pilot.press("a", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")  # the message is shown for editing first
        dialog = app.screen
        assert isinstance(dialog, CommitMessageScreen)
        assert dialog.query_one(Input).value == "Return tenfold values"
        assert git("log", "-1", "--format=%s").strip() == "init"  # nothing committed yet
        await pilot.press(*" ten times", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert git("log", "-1", "--format=%s").strip() == "Return tenfold values ten times"
    assert git("status", "--porcelain").strip() == ""


def test_bindings_have_ids_and_tooltips() -> None:
    """Every key of the screen has an id and a tooltip (the help screen and README read them)."""
    for binding in ChangesScreen.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id and binding.id.startswith("changes.")
        assert binding.tooltip
