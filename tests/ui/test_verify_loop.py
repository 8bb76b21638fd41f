"""Every apply verified, in the TUI (issue 13 section 3): the checks after an apply stream into
the changes view; a failure goes back to the architect (local Anthropic-compatible server, real
SDK) as a follow-up of the same conversation; its fix is applied and checked; the whole chain is
undone in one action. Real git project in a tmp dir with its own pytest test."""

from __future__ import annotations

import asyncio
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Log
from ui_project import settle

from architect_tui.analysis import read_project
from architect_tui.patch import extract_changes, plan
from architect_tui.ui.app import ArchitectApp
from architect_tui.ui.changes import ChangesScreen, HunkCard
from architect_tui.ui.changes.dialogs import ConfirmScreen
from architect_tui.ui.changes.verify_panel import VerifyPanel
from architect_tui.ui.commands import JumpTarget
from architect_tui.ui.review import ContextScreen, LensScreen
from architect_tui.ui.screens.main import MainScreen
from tests.support.anthropic_server import AnthropicServer, TextReply

APP = """from flask import Flask

from calc import add

app = Flask(__name__)


@app.route("/sum")
def total():
    return str(add(2, 3))
"""
CALC = "def add(a, b):\n    return a + b\n"
TEST = "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n"


def answer(old: str, new: str) -> str:
    return (
        "## Summary\nadd can be simpler.\n\n## Findings\nNone.\n\n## Proposed changes\n"
        "```diff\n--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n"
        f"-    return {old}\n+    return {new}\n```\n"
    )


BREAKS = answer("a + b", "a - b")  # the first answer breaks the project's test
FIXES = answer("a - b", "sum((a, b))")  # the fix answer, against the code after the first


def pytest_command() -> str:
    """The project's checks, with this interpreter (no dependency on a project venv)."""
    return f"{shlex.quote(sys.executable)} -m pytest -q -x -p no:cacheprovider tests"


def git_project(root: Path, verify: str) -> Path:
    root.mkdir(parents=True)
    (root / "app.py").write_text(APP)
    (root / "calc.py").write_text(CALC)
    (root / "tests").mkdir()
    (root / "tests" / "test_calc.py").write_text(TEST)
    toml_value = verify.replace("\\", "\\\\").replace('"', '\\"')
    (root / "pyproject.toml").write_text(f'[tool.architect]\nverify = "{toml_value}"\n')
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "calc"], check=True)
    return root


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds (a worker's result arriving), bounded."""
    for _ in range(3000):
        if condition():
            return
        await pilot.pause()
        await asyncio.sleep(0)
    raise AssertionError(f"never happened: {what}")


def shown(screen: ChangesScreen, key: str) -> bool:
    """Is the key offered (in the Footer, enabled) on this screen now?"""
    binding = screen.active_bindings.get(key)
    return binding is not None and binding.enabled


async def verified(pilot: Pilot, screen: ChangesScreen) -> VerifyPanel:
    panel = screen.verify_panel
    await until(pilot, lambda: panel.result is not None, "the checks ended")
    await settle(pilot)
    return panel


async def test_failed_checks_go_back_for_a_fix_then_the_chain_is_undone(
    tmp_path: Path, llm_env: AnthropicServer
) -> None:
    """Apply breaks the test; f sends output + diff back; the fix applies green; U restores."""
    root = git_project(tmp_path / "calc", pytest_command())
    original = (root / "calc.py").read_bytes()
    llm_env.queue(TextReply(BREAKS), TextReply(FIXES))
    app = ArchitectApp(
        root,
        reader=lambda r, _cache: read_project(r, use_cache=False),
        git_probe=lambda _r: "⎇ main · clean",
        cursor_blink=False,
    )
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump_to(JumpTarget("route", "total", "", ""))
        await settle(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, LensScreen), "lens picker")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ContextScreen), "context screen")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "back to the map")
        await settle(pilot)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        first = app.screen
        assert isinstance(first, ChangesScreen)
        await settle(pilot)
        assert not shown(first, "f") and not shown(first, "x")

        # apply: the checks run by themselves and fail on the project's own test
        await pilot.press("a", "enter")
        panel = await verified(pilot, first)
        assert (root / "calc.py").read_text() == "def add(a, b):\n    return a - b\n"
        assert panel.state == "failed" and panel.result is not None
        assert panel.result.exit not in (0, None)
        log = "\n".join(str(line) for line in panel.query_one(Log).lines)
        assert "assert -1 == 5" in log  # the output was shown, not only kept
        assert "f asks the architect for a fix" in panel.hint
        assert shown(first, "f") and shown(first, "U")

        # f: the failure and the applied diff go back in the same conversation
        await pilot.press("f")
        await until(
            pilot,
            lambda: isinstance(app.screen, ChangesScreen) and app.screen is not first,
            "the fix's changes view",
        )
        second = app.screen
        assert isinstance(second, ChangesScreen)
        await settle(pilot)
        assert len(llm_env.requests) == 2
        follow_up = llm_env.requests[1]
        assert [m["role"] for m in follow_up.body["messages"]] == ["user", "assistant", "user"]
        sent = follow_up.last_user_text
        assert "assert -1 == 5" in sent and "exit 1" in sent
        assert "-    return a + b" in sent and "+    return a - b" in sent
        assert pytest_command() in sent
        assert "fix round 1 of 3" in sent
        assert [c.result.ok for c in second.query(HunkCard)] == [True]

        # the fix applies and the checks pass
        await pilot.press("a", "enter")
        panel = await verified(pilot, second)
        assert (root / "calc.py").read_text() == "def add(a, b):\n    return sum((a, b))\n"
        assert panel.state == "passed" and panel.result is not None and panel.result.exit == 0
        assert not shown(second, "f") and not shown(second, "x")

        # U, confirmed: both applies undone, the original bytes back
        await pilot.press("U")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirmation")
        await pilot.press("y")
        await settle(pilot)
        assert (root / "calc.py").read_bytes() == original
        assert not any(c.applied for c in second.query(HunkCard))


class Host(App[None]):
    def __init__(self, screen: ChangesScreen) -> None:
        super().__init__()
        self.to_push = screen

    def on_mount(self) -> None:
        self.push_screen(self.to_push)


@pytest.mark.parametrize("stop_key", ["escape", "x"])
async def test_checks_can_be_stopped_and_say_so(tmp_path: Path, stop_key: str) -> None:
    """A hanging check is stopped by esc or x; the panel keeps 'cancelled' and the screen stays."""
    hang = (
        f"{shlex.quote(sys.executable)} -c "
        "\"import threading; print('started', flush=True); threading.Event().wait()\""
    )
    root = git_project(tmp_path / "calc", hang)
    the_plan = plan(extract_changes(BREAKS, root), root)
    screen = ChangesScreen(the_plan, root)
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", "enter")
        panel = screen.verify_panel
        await until(pilot, lambda: "started" in list(panel.query_one(Log).lines), "output")
        assert panel.running and shown(screen, "x")
        await pilot.press(stop_key)
        await until(pilot, lambda: panel.result is not None, "the stop")
        await app.workers.wait_for_complete()
        assert panel.state == "cancelled" and panel.result is not None
        assert panel.result.cancelled and panel.result.exit is None
        assert app.screen is screen  # esc stopped the checks; it did not close the view
        assert "cancelled" in str(screen.query_one("#verify-title").render())


async def test_checks_past_the_timeout_say_timed_out(tmp_path: Path) -> None:
    """A check that outlives verify_timeout is stopped and the panel says 'timed out'."""
    hang = (
        f"{shlex.quote(sys.executable)} -c "
        "\"import threading; print('started', flush=True); threading.Event().wait()\""
    )
    root = git_project(tmp_path / "calc", hang)
    (root / ".architect").mkdir()
    (root / ".architect" / "config.toml").write_text("verify_timeout = 1\n")
    screen = ChangesScreen(plan(extract_changes(BREAKS, root), root), root)
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", "enter")
        panel = screen.verify_panel
        await until(pilot, lambda: panel.result is not None, "the timeout")
        await app.workers.wait_for_complete()
        assert panel.state == "timed_out" and panel.result is not None
        assert panel.result.timed_out and panel.result.exit is None
        assert "timed out" in str(screen.query_one("#verify-title").render())
        assert not shown(screen, "x")


async def test_rounds_run_out_and_undo_all_asks_first(
    tmp_path: Path, llm_env: AnthropicServer
) -> None:
    """verify_rounds = 1: a fix that fails again gets no second round; U asks, n keeps files."""
    root = git_project(tmp_path / "calc", pytest_command())
    (root / ".architect").mkdir()
    (root / ".architect" / "config.toml").write_text("verify_rounds = 1\n")
    original = (root / "calc.py").read_bytes()
    llm_env.queue(TextReply(BREAKS), TextReply(answer("a - b", "a * b")))
    app = ArchitectApp(
        root,
        reader=lambda r, _cache: read_project(r, use_cache=False),
        git_probe=lambda _r: "⎇ main · clean",
        cursor_blink=False,
    )
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump_to(JumpTarget("route", "total", "", ""))
        await settle(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, LensScreen), "lens picker")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ContextScreen), "context screen")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "back to the map")
        await settle(pilot)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen), "the changes view")
        first = app.screen
        assert isinstance(first, ChangesScreen)
        await settle(pilot)
        await pilot.press("a", "enter")
        await verified(pilot, first)
        await pilot.press("f")
        await until(
            pilot,
            lambda: isinstance(app.screen, ChangesScreen) and app.screen is not first,
            "the fix's changes view",
        )
        second = app.screen
        assert isinstance(second, ChangesScreen)
        await settle(pilot)
        assert "fix round 1 of 1" in llm_env.requests[1].last_user_text
        await pilot.press("a", "enter")
        panel = await verified(pilot, second)
        assert panel.state == "failed" and "assert 6 == 5" in panel.result.output_tail  # type: ignore[union-attr]
        assert "1 fix round(s) used" in panel.hint and not shown(second, "f")
        await pilot.press("f")  # no round left: not offered, nothing is sent, the view stays
        await settle(pilot)
        assert len(llm_env.requests) == 2 and app.screen is second
        # U asks first; n leaves the files as they are
        await pilot.press("U")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirmation")
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is second
        assert (root / "calc.py").read_text() == "def add(a, b):\n    return a * b\n"
        await pilot.press("U")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirmation")
        await pilot.press("y")
        await settle(pilot)
        assert (root / "calc.py").read_bytes() == original
