"""The review flow wired into the main screen, end to end on a git copy of the example project:
review (offline and through the local Anthropic server), findings, follow-ups, changes, apply,
undo, cancel and failures."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from ui_project import RecordingApp, settle, shop_map, write_project

from architect_tui.analysis import read_project
from architect_tui.ui.app import ArchitectApp
from architect_tui.ui.changes import ChangesScreen, HunkCard
from architect_tui.ui.commands import JumpTarget
from architect_tui.ui.review import (
    AskScreen,
    ContextScreen,
    HistoryScreen,
    LensScreen,
    ReviewPanel,
)
from architect_tui.ui.review.findings import FindingsList
from architect_tui.ui.review.turn import FailureBox
from architect_tui.ui.screens.main import MainScreen
from architect_tui.ui.screens.review_flow import (
    ASK_NEEDS_KEY,
    OFFLINE_CANNOT_ANSWER,
    OFFLINE_NOTE,
)
from tests.support.anthropic_server import AnthropicServer, ErrorReply, HangReply, TextReply

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shop"
VIEWS = "shop/catalog/views.py"

# The model's answer (the format of prompts/architect.md) with a two-hunk diff against VIEWS.
ANSWER = """## Summary
The search view pastes the query into SQL and indexes a missing field.

## Findings
### [critical] security: SQL built from the search term
Location: `shop/catalog/views.py:29`
A quote in `q` ends the string; bind a parameter instead.

### [low] structure: Docstring blames the database
Location: `shop/catalog/views.py:24`
Say why raw SQL is kept.

## Proposed changes
```diff
--- a/shop/catalog/views.py
+++ b/shop/catalog/views.py
@@ -22,4 +22,4 @@
 @bp.route("/search")
 def search():
-    \"\"\"Search by name. Raw SQL because the ORM query was "too slow" on the old MySQL box.\"\"\"
+    \"\"\"Search active products by name (raw SQL, bound parameters).\"\"\"
     term = request.args["q"]
@@ -26,6 +26,6 @@
     rows = db.session.execute(
         text(
             "SELECT id, name, price_cents FROM products "
-            f"WHERE is_active AND name LIKE '%{term}%' ORDER BY name"
-        )
+            "WHERE is_active AND name LIKE :pattern ORDER BY name"
+        ).bindparams(pattern=f"%{term}%")
     ).all()
```
"""
FOLLOW_UP_ANSWER = """## Summary
Test it with a quote in `q`: the page must list nothing, not every product.

## Findings
None.

## Proposed changes
None.
"""


@pytest.fixture
def small_app(tmp_path: Path) -> ArchitectApp:
    """The small UI test project (seven routes, hand-built map): for the flows that do not
    need the example project's planted flaws."""
    return make_app(write_project(tmp_path / "small"), real_reader=False)


@pytest.fixture
def shop_copy(tmp_path: Path) -> Path:
    """The example project copied to tmp and committed in a fresh git repository."""
    root = tmp_path / "shop"
    shutil.copytree(EXAMPLE, root)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "shop"], check=True)
    return root


def make_app(root: Path, *, real_reader: bool = True) -> RecordingApp:
    """The app on ``root``: the real reader, or the small project's hand-built map (faster)."""
    return RecordingApp(
        root,
        reader=(lambda r, _cache: read_project(r, use_cache=False))
        if real_reader
        else (lambda r, _cache: shop_map(r)),
        git_probe=lambda _r: "⎇ main · clean",
        cursor_blink=False,
    )


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds (a thread's result arriving), bounded."""
    for _ in range(2000):
        if condition():
            return
        await pilot.pause()
        await asyncio.sleep(0)
    raise AssertionError(f"never happened: {what}")


async def screen_of(pilot: Pilot, kind: type[Screen]) -> Screen:
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    return pilot.app.screen


async def select_route(pilot: Pilot, endpoint: str) -> MainScreen:
    await settle(pilot)
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    main.jump_to(JumpTarget("route", endpoint, "", ""))
    await settle(pilot)
    assert main.selection is not None and main.selection.endpoint == endpoint
    return main


def hunk_edit(diff: str, index: int) -> tuple[str, str]:
    """The old and new text of the ``index``-th hunk (0-based) of a one-file diff: the oracle
    for what applying exactly that hunk must do to the file."""
    hunks = diff.split("\n@@")[1:]
    lines = hunks[index].split("\n")[1:]
    old = [line[1:] for line in lines if line[:1] in (" ", "-")]
    new = [line[1:] for line in lines if line[:1] in (" ", "+")]
    return "\n".join(old) + "\n", "\n".join(new) + "\n"


def notes(app: ArchitectApp) -> list[str]:
    """Every notification so far (expired ones too)."""
    assert isinstance(app, RecordingApp)
    return app.notes


async def test_offline_review_to_apply_and_undo(shop_copy: Path, no_llm_env: None) -> None:
    """No key: R reviews offline, its fix (FLK304 answering 400 in the view, FLK104 binding
    the search term: one hunk) is accepted and applied, and u undoes it."""
    path = shop_copy / VIEWS
    before = path.read_bytes()
    app = make_app(shop_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "catalog.search")
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("down", "up", "enter")  # the remembered lens: full
        await settle(pilot)
        assert OFFLINE_NOTE in notes(app)
        panel = main.query_one(ReviewPanel)
        assert main._review_flow is not None and main._review_flow.display
        assert main.has_class("-review-open") and not main.details.display
        review = panel.review
        assert review is not None and review.source == "local"
        assert {(f.rule, f.line) for f in review.findings} >= {("FLK104", 29), ("FLK304", 25)}
        assert "FLK104" in panel.transcript
        # open the changes, accept the one hunk, apply
        await pilot.press("c")
        changes = await screen_of(pilot, ChangesScreen)
        await settle(pilot)
        cards = list(changes.query(HunkCard))
        assert [c.result.ok for c in cards] == [True]
        await pilot.press("space", "enter")
        await settle(pilot)
        old, new = hunk_edit(review.changes, 0)
        expected = before.decode().replace(old, new, 1).encode()
        assert before.decode().count(old) == 1 and expected != before
        assert path.read_bytes() == expected  # the hunk, and nothing else
        assert "from flask import abort" not in path.read_text()  # answered in the view
        # the main screen re-read the project: the code view shows the file as it is now
        assert main.code_view.path == VIEWS
        assert 'request.args.get("q")' in main.code_view.text
        await pilot.press("escape")
        await screen_of(pilot, MainScreen)
        await pilot.press("u")
        await settle(pilot)
        assert path.read_bytes() == before
        assert any(m.startswith("Restored shop/catalog/views.py") for m in notes(app))
        assert 'request.args["q"]' in main.code_view.text


async def test_llm_review_streams_jumps_follows_up_and_applies(
    shop_copy: Path, llm_env: AnthropicServer
) -> None:
    """With a key: context screen, streamed answer, finding jump, follow-up history, apply."""
    server = llm_env
    server.queue(TextReply(ANSWER, chunk_size=24), TextReply(FOLLOW_UP_ANSWER))
    path = shop_copy / VIEWS
    before = path.read_text()
    app = make_app(shop_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "catalog.search")
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("enter")
        context = await screen_of(pilot, ContextScreen)
        assert "catalog.search" in context.request.target
        await pilot.press("enter")
        await screen_of(pilot, MainScreen)
        await settle(pilot)
        panel = main.query_one(ReviewPanel)
        assert panel.status == "saved" or panel.status == "done"
        assert "pastes the query into SQL" in panel.transcript
        request = server.requests[0]
        assert request.body["stream"] is True
        assert "def search():" in request.last_user_text
        assert "FLK104" in request.last_user_text  # the offline findings went along as hints
        # both the model's and the local findings are listed; choosing one moves the code view
        findings = panel.query_one(FindingsList)
        assert any(f.source == "local" for f in findings.findings)
        index = next(i for i, f in enumerate(findings.findings) if f.line == 24)
        findings.focus()
        findings.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert main.code_view.path == VIEWS and main.code_view.span == (24, 24)
        # a follow-up carries the conversation so far
        panel.follow_up_input.focus()
        await pilot.press(*"how to test it?", "enter")
        await settle(pilot)
        assert len(server.requests) == 2
        messages = server.requests[1].body["messages"]
        assert [m["role"] for m in messages] == ["user", "assistant", "user"]
        assert messages[1]["content"][0]["text"] == ANSWER
        assert "how to test it?" in server.requests[1].last_user_text
        assert "quote in `q`" in panel.transcript
        # c opens the first answer's changes (the follow-up proposes none); apply both hunks
        await pilot.press("escape")  # out of the input, back to the map
        await pilot.press("c")
        changes = await screen_of(pilot, ChangesScreen)
        await settle(pilot)
        assert len(changes.query(HunkCard)) == 2
        await pilot.press("a", "enter")
        await settle(pilot)
        text = path.read_text()
        for index in (0, 1):
            old, new = hunk_edit(ANSWER.split("```diff\n")[1].split("```")[0], index)
            assert old in before and new in text
        assert ":pattern" in main.code_view.text


async def test_ask_without_a_key_says_so_and_stays_usable(
    small_app: ArchitectApp, no_llm_env: None
) -> None:
    """No key: A explains how to get a model; the app keeps working (R still offers a lens)."""
    app = small_app
    async with app.run_test(size=(80, 24)) as pilot:
        main = await select_route(pilot, "auth.login")
        await pilot.press("A")
        await settle(pilot)
        assert ASK_NEEDS_KEY in notes(app)
        assert app.screen is main
        await pilot.press("H")
        history = await screen_of(pilot, HistoryScreen)
        assert history.records == []
        await pilot.press("escape")
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("escape")
        await screen_of(pilot, MainScreen)
        await pilot.press("t")
        assert main.left_mode == "files"


async def test_ask_with_a_key_sends_the_question(
    small_app: ArchitectApp, llm_env: AnthropicServer
) -> None:
    """A with a key: the question goes to the model with the selection, the answer streams in."""
    llm_env.queue(TextReply(FOLLOW_UP_ANSWER))
    app = small_app
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "auth.login")
        await pilot.press("A")
        await screen_of(pilot, AskScreen)
        await pilot.press(*"how should login rate-limit?", "enter")
        context = await screen_of(pilot, ContextScreen)
        assert context.request.ask == "how should login rate-limit?"
        await pilot.press("enter")
        await screen_of(pilot, MainScreen)
        await settle(pilot)
        sent = llm_env.requests[0].last_user_text
        assert "how should login rate-limit?" in sent and "def login():" in sent
        panel = main.query_one(ReviewPanel)
        assert panel.status == "done" and "quote in `q`" in panel.transcript


async def test_escape_cancels_a_hanging_review(
    small_app: ArchitectApp, llm_env: AnthropicServer
) -> None:
    """Esc on the main screen stops a stream that never answers; the app stays usable."""
    llm_env.queue(HangReply(30))
    app = small_app
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "auth.login")
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("enter")
        await screen_of(pilot, ContextScreen)
        await pilot.press("enter")
        await screen_of(pilot, MainScreen)
        panel = main.query_one(ReviewPanel)
        assert await asyncio.to_thread(llm_env.wait_for_requests, 1)
        assert panel.running
        main.map_tree.focus()
        await pilot.press("escape")
        await settle(pilot)
        assert not panel.running and panel.status == "cancelled"
        assert panel.query(FailureBox)
        await pilot.press("t")
        assert main.left_mode == "files"


async def test_api_error_shows_the_failure_box(
    small_app: ArchitectApp, llm_env: AnthropicServer
) -> None:
    """A 401 from the API ends in the failure box with the reason, not a traceback."""
    llm_env.queue(ErrorReply(401, "authentication_error", "invalid x-api-key"))
    app = small_app
    async with app.run_test(size=(80, 24)) as pilot:
        main = await select_route(pilot, "auth.login")
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("enter")
        await screen_of(pilot, ContextScreen)
        await pilot.press("enter")
        await screen_of(pilot, MainScreen)
        await settle(pilot)
        panel = main.query_one(ReviewPanel)
        assert panel.status == "failed"
        boxes = list(panel.query(FailureBox))
        assert len(boxes) == 1 and boxes[0].failure.kind == "auth"
        assert "401" in boxes[0].failure.message
        await pilot.press("t")  # still usable
        assert main.left_mode == "files"


async def test_panel_modes_history_and_offline_follow_up(
    small_app: ArchitectApp, no_llm_env: None
) -> None:
    """p docks, maximises and hides the panel; an offline review cannot be followed up; H
    reopens the saved review in the panel."""
    app = small_app
    async with app.run_test(size=(80, 24)) as pilot:
        main = await select_route(pilot, "auth.settings")
        assert main.details.display
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("enter")
        await settle(pilot)
        flow = main._review_flow
        assert flow is not None and flow.mode == "docked" and flow.display
        assert not main.details.display  # the panel took the details pane's place
        # 80 columns: the docked review takes the map's column; the focus left it for the panel
        assert not main.query_one("#left").display and main.code_view.display
        assert app.focused is flow.panel.conversation
        await pilot.press("p")
        assert flow.mode == "max" and not main.code_view.display
        assert app.focused is flow.panel.conversation  # p never moves into the input
        await pilot.press("p")
        assert flow.mode == "hidden" and not flow.display and main.details.display
        assert app.focused is main.map_tree
        await pilot.press("p")
        assert flow.mode == "docked" and main.code_view.display
        await pilot.press("escape")  # narrow: esc uncovers the map
        assert flow.mode == "hidden" and app.focused is main.map_tree
        await pilot.press("p")
        # offline: a follow-up needs a model, says so, and keeps the question
        panel = flow.panel
        panel.follow_up_input.focus()
        await pilot.press(*"why?", "enter")
        await pilot.pause()
        assert OFFLINE_CANNOT_ANSWER in notes(app)
        assert panel.follow_up_input.value == "why?"
        assert len(panel.turns) == 1
        # the review was saved; H reopens it
        await pilot.press("escape", "H")
        history = await screen_of(pilot, HistoryScreen)
        assert [r.target for r in history.records] == ["auth.settings"]
        await pilot.press("enter")
        await settle(pilot)
        assert panel.status == "saved" and panel.review is not None
        assert panel.review.model == "offline"
