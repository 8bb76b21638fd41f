"""Every key of the key table (``ui/keys.py``: the README and ``?`` show it) is pressed in the
focus where the table lists it, and its effect is asserted on the app's state.

Each row of ``key_rows()`` needs a check registered here: a new binding without one fails
``test_every_key_of_the_table_has_a_check``, so the table cannot promise a key nobody tried.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_flow_review import screen_of, select_route, until
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input
from ui_project import FILES, RecordingApp, settle, shop_map, write_project

from architect_tui.analysis.model import Blueprint, Route
from architect_tui.ui.app import ArchitectApp
from architect_tui.ui.changemode import ChangeModeScreen
from architect_tui.ui.changes import ChangesScreen, HunkCard
from architect_tui.ui.changes.dialogs import CommitMessageScreen, ConfirmScreen
from architect_tui.ui.keys import KeyRow, key_rows
from architect_tui.ui.review import (
    AskScreen,
    ContextScreen,
    HistoryScreen,
    LensScreen,
    ReviewPanel,
)
from architect_tui.ui.review.findings import FindingsList
from architect_tui.ui.review.turn import ChangesButton
from architect_tui.ui.screens.help import HelpScreen
from architect_tui.ui.screens.main import MainScreen
from tests.support.anthropic_server import (
    AnthropicServer,
    CutReply,
    ErrorReply,
    HangReply,
    TextReply,
)

# A model answer about the small project: one finding, one hunk adding the missing decorator.
ANSWER = """## Summary
The settings view has no login check.

## Findings
### [high] security: settings has no login check
Location: `shop/auth.py:27`
Anyone can post the settings form.

## Proposed changes
```diff
--- a/shop/auth.py
+++ b/shop/auth.py
@@ -27,3 +27,4 @@
 @bp.route("/settings", methods=["POST"])
+@login_required
 def settings():
     return "saved"
```
"""
FOLLOW_UP = "## Summary\nUse the decorator.\n\n## Findings\nNone.\n\n## Proposed changes\nNone.\n"


@dataclass
class Ctx:
    pilot: Pilot
    app: ArchitectApp
    root: Path
    server: AnthropicServer | None = None
    reads: list[int] = field(default_factory=list)

    @property
    def main(self) -> MainScreen:
        screen = self.app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)

    async def settle(self) -> None:
        await settle(self.pilot)

    async def on_map(self) -> None:
        """Put the focus on the map (the focus where the Map and Main rows are listed)."""
        self.main.map_tree.focus()
        await self.pilot.pause()


Check = Callable[[Ctx], Awaitable[None]]
CHECKS: dict[tuple[str, str, str], Check] = {}


def row_id(row: KeyRow) -> tuple[str, str, str]:
    return (row.section, row.key, row.binding_id or row.description)


def check(section: str, key: str, ident: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        CHECKS[(section, key, ident)] = fn
        return fn

    return register


# Keys not walked here, named one by one (never a pattern): the verify loop's keys (landed by
# the verify engineer at 10:30) only act after an apply whose checks run; test_verify_loop.py
# presses f and U there. x has no Pilot test yet (said in the tui report).
WALKED_ELSEWHERE = {
    ("Changes", "x", "changes.stop_checks"): "tests/ui/test_verify_loop.py",
    ("Changes", "f", "changes.ask_fix"): "tests/ui/test_verify_loop.py",
    ("Changes", "U", "changes.undo_chain"): "tests/ui/test_verify_loop.py",
}


def test_every_key_of_the_table_has_a_check() -> None:
    """The table and the checks below list the same keys."""
    rows = {row_id(r) for r in key_rows()}
    assert rows - set(CHECKS) - set(WALKED_ELSEWHERE) == set(), "keys without a check"
    for ident, where in WALKED_ELSEWHERE.items():
        assert ident in rows, (ident, where)  # still a key of the table
    assert set(CHECKS) - rows == set(), "checks for keys the table does not list"


def test_every_binding_names_an_action_that_exists() -> None:
    """A binding whose action has no ``action_`` method does nothing (the old ← →)."""
    from architect_tui.ui.widgets.code_view import CodeView
    from architect_tui.ui.widgets.map_tree import MapTree

    owners = [ArchitectApp, MainScreen, MapTree, CodeView, ReviewPanel, ChangesScreen]
    owners += [HelpScreen, ConfirmScreen, CommitMessageScreen, LensScreen, AskScreen]
    for owner in owners:
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            name = binding.action.split("(")[0]
            assert callable(getattr(owner, f"action_{name}", None)), (owner.__name__, name)


# ---- Global ----------------------------------------------------------------------------------


@check("Global", "?", "app.help")
async def _help(ctx: Ctx) -> None:
    await ctx.press("question_mark")
    assert isinstance(ctx.app.screen, HelpScreen)
    await ctx.press("escape")
    assert ctx.app.screen is ctx.main


@check("Global", "tab", "Next pane")
async def _tab(ctx: Ctx) -> None:
    ctx.main.map_tree.focus()
    await ctx.pilot.pause()
    await ctx.press("tab")
    assert ctx.app.focused is ctx.main.code_view


@check("Global", "ctrl+p", "Commands")
async def _palette(ctx: Ctx) -> None:
    await ctx.press("ctrl+p")
    await screen_of(ctx.pilot, CommandPalette)
    await ctx.press(*"auth.settings")
    await ctx.settle()  # the palette searches in a worker
    await ctx.press("enter")
    await ctx.settle()
    assert ctx.main.selection is not None and ctx.main.selection.endpoint == "auth.settings"


@check("Global", "q", "app.quit")
async def _quit(ctx: Ctx) -> None:
    ctx.main.map_tree.focus()
    await ctx.press("q")
    assert ctx.app.return_code == 0  # the app is on its way out


# ---- Main (focus on the map unless said) -----------------------------------------------------


@check("Main", "/", "main.filter")
async def _filter(ctx: Ctx) -> None:
    await ctx.on_map()
    await ctx.press("slash")
    assert ctx.main.filter_input.has_focus
    await ctx.press(*"items")
    await ctx.settle()
    assert ctx.main.map_tree.find_node(Route, endpoint="auth.login") is None
    await ctx.press("escape")
    await ctx.settle()


@check("Main", "esc", "main.back")
async def _back(ctx: Ctx) -> None:
    await ctx.on_map()
    await ctx.press("slash", *"items")
    await ctx.settle()
    await ctx.press("escape")
    await ctx.settle()
    assert ctx.main.filter_input.value == "" and ctx.app.focused is ctx.main.map_tree
    assert ctx.main.map_tree.find_node(Route, endpoint="auth.login") is not None


@check("Main", "t", "main.toggle_files")
async def _files(ctx: Ctx) -> None:
    await ctx.on_map()
    await ctx.press("t")
    await ctx.settle()
    assert ctx.main.left_mode == "files" and ctx.app.focused is ctx.main.files_tree
    await ctx.press("t")
    await ctx.settle()
    assert ctx.main.left_mode == "map" and ctx.app.focused is ctx.main.map_tree


@check("Main", "e", "main.editor")
async def _editor(ctx: Ctx) -> None:
    await ctx.on_map()
    # Pilot's headless driver cannot hand the terminal over: the app says so, and lives on.
    await ctx.press("e")
    await ctx.pilot.pause()
    notes = ctx.app.notes
    assert notes[-1] in {
        "This terminal cannot hand over to an editor.",
        "Set $EDITOR (or $VISUAL) to open files from here.",
    }


@check("Main", "r", "main.reread")
async def _reread(ctx: Ctx) -> None:
    await ctx.on_map()
    before = len(ctx.reads)
    await ctx.press("r")
    await ctx.settle()
    assert len(ctx.reads) == before + 1


@check("Main", "R", "main.review")
async def _review(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(TextReply(ANSWER, chunk_size=30))
    await ctx.press("R")
    await screen_of(ctx.pilot, LensScreen)
    await ctx.press("enter")
    await screen_of(ctx.pilot, ContextScreen)
    await ctx.press("enter")
    await screen_of(ctx.pilot, MainScreen)
    await ctx.settle()
    panel = ctx.main.query_one(ReviewPanel)
    assert panel.status == "done" and "no login check" in panel.transcript
    assert ctx.app.focused is ctx.main.map_tree  # R never moved the focus


@check("Main", "A", "main.ask")
async def _ask(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(TextReply(FOLLOW_UP))
    await ctx.press("A")
    await screen_of(ctx.pilot, AskScreen)
    await ctx.press(*"is it safe?", "enter")
    await screen_of(ctx.pilot, ContextScreen)
    await ctx.press("enter")
    await screen_of(ctx.pilot, MainScreen)
    await ctx.settle()
    assert "is it safe?" in ctx.server.requests[-1].last_user_text


@check("Main", "c", "main.changes")
async def _changes(ctx: Ctx) -> None:
    await ctx.on_map()
    await ctx.press("c")
    await screen_of(ctx.pilot, ChangesScreen)
    await ctx.settle()
    assert len(ctx.app.screen.query(HunkCard)) == 1
    await ctx.press("escape")
    await screen_of(ctx.pilot, MainScreen)


@check("Main", "H", "main.history")
async def _history(ctx: Ctx) -> None:
    await ctx.on_map()
    await ctx.press("H")
    history = await screen_of(ctx.pilot, HistoryScreen)
    assert isinstance(history, HistoryScreen) and history.records  # the reviews above
    await ctx.press("escape")
    await screen_of(ctx.pilot, MainScreen)


@check("Main", "u", "main.undo")
async def _undo(ctx: Ctx) -> None:
    await ctx.on_map()
    path = ctx.root / "shop" / "auth.py"
    before = path.read_bytes()
    await ctx.press("c")
    await until(ctx.pilot, lambda: isinstance(ctx.app.screen, ChangesScreen), str(ctx.app.notes))
    await ctx.settle()
    await ctx.press("a", "enter")
    await ctx.settle()
    assert b"@login_required\ndef settings" in path.read_bytes()
    await ctx.press("escape")
    await screen_of(ctx.pilot, MainScreen)
    ctx.main.map_tree.focus()
    await ctx.press("u")
    await ctx.settle()
    assert path.read_bytes() == before
    assert "Restored shop/auth.py." in ctx.app.notes


@check("Main", "p", "main.review_panel")
async def _panel(ctx: Ctx) -> None:
    await ctx.on_map()
    flow = ctx.main._review_flow
    assert flow is not None
    start = flow.mode
    modes = []
    for _ in range(3):
        await ctx.press("p")
        modes.append(flow.mode)
        assert not isinstance(ctx.app.focused, Input)
    assert modes[-1] == start and len(set(modes)) == 3


@check("Main", "f", "main.follow_up")
async def _follow_up(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(TextReply(FOLLOW_UP))
    panel = ctx.main.query_one(ReviewPanel)
    turns = len(panel.turns)
    await ctx.press("f")
    assert ctx.app.focused is panel.follow_up_input
    await ctx.press(*"and tests?", "enter")  # Review panel: enter in the input
    await ctx.settle()
    assert len(panel.turns) == turns + 1 and panel.turns[-1].question == "and tests?"
    assert "and tests?" in ctx.server.requests[-1].last_user_text
    await ctx.press("escape")
    assert ctx.app.focused is ctx.main.map_tree


@check("Main", "esc", "main.cancel_review")
async def _cancel_anywhere(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(HangReply(30))
    panel = ctx.main.query_one(ReviewPanel)
    await _start_review(ctx)
    ctx.main.filter_input.focus()  # an input: letters are text there, esc still stops first
    await ctx.pilot.pause()
    assert panel.running
    await ctx.press("escape")
    await ctx.settle()
    assert panel.status == "cancelled" and ctx.main.filter_input.has_focus


@check("Main", "r", "main.retry")
async def _retry_from_map(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(CutReply(), TextReply(FOLLOW_UP))
    panel = ctx.main.query_one(ReviewPanel)
    await _start_review(ctx)
    await ctx.settle()
    assert panel.status == "incomplete"
    ctx.main.map_tree.focus()
    reads = len(ctx.reads)
    await ctx.press("r")
    await ctx.settle()
    assert panel.status == "done" and len(ctx.reads) == reads


@check("Main", "o", "main.offline")
async def _offline_from_map(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(ErrorReply(401, "authentication_error", "invalid x-api-key"))
    panel = ctx.main.query_one(ReviewPanel)
    await _start_review(ctx)
    await ctx.settle()
    assert panel.status == "failed"
    ctx.main.map_tree.focus()
    await ctx.press("o")
    await ctx.settle()
    assert panel.model == "offline" and panel.status == "done"


async def _open_change_mode(ctx: Ctx) -> ChangeModeScreen:
    await ctx.press("d")
    screen = await screen_of(ctx.pilot, ChangeModeScreen)
    assert isinstance(screen, ChangeModeScreen)
    await until(ctx.pilot, lambda: screen.found is not None, "the change read")
    await ctx.settle()
    return screen


@check("Main", "d", "main.change_mode")
async def _change_mode(ctx: Ctx) -> None:
    api = ctx.root / "shop" / "api.py"
    api.write_text(api.read_text() + '\n\n@api_bp.get("/export")\ndef export():\n    return []\n')
    ctx.main.map_tree.focus()
    screen = await _open_change_mode(ctx)
    assert screen.found is not None
    assert "shop/api.py" in [f.path for f in screen.found.change.files]


@check("Changed routes", "b", "changemode.base")
async def _change_base(ctx: Ctx) -> None:
    screen = ctx.app.screen
    assert isinstance(screen, ChangeModeScreen)
    await ctx.press("b")
    assert screen.base_input.has_focus


@check("Changed routes", "esc", "changemode.close")
async def _change_close(ctx: Ctx) -> None:
    await ctx.press("escape")  # first the base input, then the mode
    assert isinstance(ctx.app.screen, ChangeModeScreen)
    await ctx.press("escape")
    await screen_of(ctx.pilot, MainScreen)


@check("Changed routes", "R", "changemode.review")
async def _change_review(ctx: Ctx) -> None:
    assert ctx.server is not None
    ctx.server.queue(TextReply(FOLLOW_UP))
    await _open_change_mode(ctx)
    await ctx.press("R")
    await screen_of(ctx.pilot, MainScreen)
    await ctx.settle()
    assert '+@api_bp.get("/export")' in ctx.server.requests[-1].last_user_text
    (ctx.root / "shop" / "api.py").write_text(FILES["shop/api.py"])  # clean again
    ctx.main.map_tree.focus()


async def _start_review(ctx: Ctx) -> None:
    await ctx.press("R")
    await screen_of(ctx.pilot, LensScreen)
    await ctx.press("enter")
    await screen_of(ctx.pilot, ContextScreen)
    await ctx.press("enter")
    await screen_of(ctx.pilot, MainScreen)
    if ctx.server is not None:
        await asyncio.to_thread(ctx.server.wait_for_requests, len(ctx.server.requests) + 1)


# ---- Map -------------------------------------------------------------------------------------


@check("Map", "→", "map.expand")
async def _expand(ctx: Ctx) -> None:
    await ctx.on_map()
    tree = ctx.main.map_tree
    node = tree.find_node(Blueprint, full_name="api")
    assert node is not None
    node.collapse()
    tree.move_cursor(node)
    await ctx.press("right")
    assert node.is_expanded
    await ctx.press("right")
    assert tree.cursor_node is node.children[0]


@check("Map", "←", "map.collapse")
async def _collapse(ctx: Ctx) -> None:
    await ctx.on_map()
    tree = ctx.main.map_tree
    node = tree.find_node(Route, endpoint="api.list_items")
    assert node is not None and node.parent is not None
    tree.move_cursor(node)
    await ctx.press("left")
    assert tree.cursor_node is node.parent
    await ctx.press("left")
    assert not node.parent.is_expanded
    node.parent.expand()


@check("Map", "↑ ↓", "Move")
async def _walk(ctx: Ctx) -> None:
    await ctx.on_map()
    tree = ctx.main.map_tree
    node = tree.find_node(Route, endpoint="auth.login")
    assert node is not None
    tree.move_cursor(node)
    await ctx.press("down")
    await ctx.pilot.pause()
    assert ctx.main.selection is not None and ctx.main.selection.endpoint == "auth.logout"
    assert ctx.main.code_view.span == (15, 18)
    await ctx.press("up")
    await ctx.pilot.pause()
    assert ctx.main.selection.endpoint == "auth.login"


@check("Map", "enter", "Open / read")
async def _enter_map(ctx: Ctx) -> None:
    await ctx.on_map()
    tree = ctx.main.map_tree
    bp = tree.find_node(Blueprint, full_name="auth")
    assert bp is not None and bp.is_expanded
    tree.move_cursor(bp)
    await ctx.press("enter")
    assert not bp.is_expanded  # a blueprint opens and closes
    await ctx.press("enter")
    assert bp.is_expanded
    route = tree.find_node(Route, endpoint="auth.profile")
    assert route is not None
    tree.move_cursor(route)
    await ctx.press("enter")
    await ctx.pilot.pause()
    assert ctx.app.focused is ctx.main.code_view  # a route: on to its code
    assert ctx.main.code_view.span == (21, 24)


# ---- Code view -------------------------------------------------------------------------------


@check("Code view", "v", "code.mark")
async def _mark(ctx: Ctx) -> None:
    await select_route(ctx.pilot, "auth.login")
    ctx.main.code_view.focus()
    await ctx.press("v", "down", "down", "v")
    await ctx.pilot.pause()
    selection = ctx.main.selection
    assert selection is not None and selection.kind == "range"
    assert (selection.start, selection.end) == (8, 10)


@check("Code view", "esc", "code.clear_mark")
async def _clear_mark(ctx: Ctx) -> None:
    assert ctx.main.selection is not None and ctx.main.selection.kind == "range"
    await ctx.press("escape")
    await ctx.pilot.pause()
    assert ctx.main.selection is not None and ctx.main.selection.kind == "route"


@check("Code view", "shift+↑ ↓", "Mark")
async def _shift_mark(ctx: Ctx) -> None:
    ctx.main.code_view.focus()
    row = ctx.main.code_view.cursor_location[0]
    await ctx.press("home", "shift+down", "shift+down")
    await ctx.pilot.pause()
    selection = ctx.main.selection
    assert selection is not None and selection.kind == "range"
    # two lines down from column 0: the third line's column 0 is not part of the range
    assert (selection.start, selection.end) == (row + 1, row + 2)
    await ctx.press("escape")


@check("Code view", "drag", "Mark")
async def _drag(ctx: Ctx) -> None:
    view = ctx.main.code_view
    gutter = view.gutter_width
    top = view.scroll_offset.y
    await ctx.pilot.mouse_down(view, offset=(gutter + 1, 1))
    await ctx.pilot.hover(view, offset=(gutter + 3, 3))
    await ctx.pilot.mouse_up(view, offset=(gutter + 3, 3))
    await ctx.pilot.pause()
    selection = ctx.main.selection
    assert selection is not None and selection.kind == "range"
    # offsets count the border row: y=1 is the first line shown
    assert (selection.start, selection.end) == (top + 1, top + 3)
    await ctx.press("escape")


# ---- Review panel (focus on the conversation, or where the row says) -------------------------


@check("Review panel", "esc", "review.cancel")
async def _panel_cancel(ctx: Ctx) -> None:
    await ctx.on_map()
    assert ctx.server is not None
    ctx.server.queue(HangReply(30))
    panel = ctx.main.query_one(ReviewPanel)
    await _start_review(ctx)
    panel.focus_log()
    await ctx.pilot.pause()
    await ctx.press("escape")
    await ctx.settle()
    assert panel.status == "cancelled"


@check("Review panel", "r", "review.retry")
async def _panel_retry(ctx: Ctx) -> None:
    assert ctx.server is not None
    ctx.server.queue(TextReply(ANSWER))
    panel = ctx.main.query_one(ReviewPanel)
    assert panel.status == "cancelled"  # the check above
    panel.focus_log()
    await ctx.pilot.pause()
    await ctx.press("r")
    await ctx.settle()
    assert panel.status == "done" and "no login check" in panel.transcript


@check("Review panel", "enter", "Jump")
async def _panel_finding(ctx: Ctx) -> None:
    panel = ctx.main.query_one(ReviewPanel)
    findings = panel.query_one(FindingsList)
    findings.focus()
    findings.highlighted = 0
    await ctx.press("enter")
    await ctx.pilot.pause()
    assert ctx.main.code_view.path == "shop/auth.py" and ctx.main.code_view.span == (27, 27)


@check("Review panel", "enter", "Changes")
async def _panel_changes(ctx: Ctx) -> None:
    panel = ctx.main.query_one(ReviewPanel)
    button = panel.query(ChangesButton).first()
    button.focus()
    await ctx.press("enter")
    await screen_of(ctx.pilot, ChangesScreen)
    await ctx.press("escape")
    await screen_of(ctx.pilot, MainScreen)


@check("Review panel", "o", "review.offline")
async def _panel_offline(ctx: Ctx) -> None:
    panel = ctx.main.query_one(ReviewPanel)
    panel.focus_log()
    await ctx.pilot.pause()
    await ctx.press("o")
    await ctx.settle()
    assert panel.model == "offline" and panel.status == "done"


@check("Review panel", "enter", "Follow up")
async def _panel_follow_up(ctx: Ctx) -> None:
    # offline: a follow-up cannot be answered; the question stays in the input
    panel = ctx.main.query_one(ReviewPanel)
    panel.follow_up_input.focus()
    await ctx.pilot.pause()
    await ctx.press(*"why?", "enter")
    await ctx.pilot.pause()
    assert panel.follow_up_input.value == "why?" and len(panel.turns) == 1


# ---- Changes (a screen of its own, on a plan of the answer above) ----------------------------


async def _open_changes(ctx: Ctx) -> ChangesScreen:
    await ctx.press("c")
    screen = await screen_of(ctx.pilot, ChangesScreen)
    await ctx.settle()
    assert isinstance(screen, ChangesScreen)
    return screen


@check("Changes", "space", "changes.toggle")
async def _space(ctx: Ctx) -> None:
    screen = await _open_changes(ctx)
    await ctx.press("space")
    assert screen.accepted == {("shop/auth.py", 1)}
    await ctx.press("space")
    assert screen.accepted == set()


@check("Changes", "a", "changes.accept_all")
async def _all(ctx: Ctx) -> None:
    screen = ctx.app.screen
    assert isinstance(screen, ChangesScreen)
    await ctx.press("a")
    assert screen.accepted == {("shop/auth.py", 1)}


@check("Changes", "q", "changes.quit")
async def _changes_quit(ctx: Ctx) -> None:
    await ctx.press("q")  # one accepted hunk not written: asks first
    await screen_of(ctx.pilot, ConfirmScreen)
    await ctx.press("n")
    await screen_of(ctx.pilot, ChangesScreen)
    assert ctx.app.is_running


@check("Changes", "enter", "changes.apply")
async def _apply(ctx: Ctx) -> None:
    await ctx.press("enter")
    await ctx.settle()
    assert b"@login_required\ndef settings" in (ctx.root / "shop/auth.py").read_bytes()
    card = ctx.app.screen.query_one(HunkCard)
    assert card.applied and not card.accepted


@check("Changes", "c", "changes.commit")
async def _commit(ctx: Ctx) -> None:
    await ctx.press("c")
    dialog = await screen_of(ctx.pilot, CommitMessageScreen)
    assert "auth.settings" in dialog.query_one(Input).value
    await ctx.press("escape")  # not now: nothing committed
    await screen_of(ctx.pilot, ChangesScreen)
    log = subprocess.run(
        ["git", "-C", str(ctx.root), "log", "--format=%s"], capture_output=True, text=True
    )
    assert log.stdout.strip() == "shop"


@check("Changes", "u", "changes.undo")
async def _changes_undo(ctx: Ctx) -> None:
    screen = ctx.app.screen
    assert isinstance(screen, ChangesScreen)
    await ctx.press("u")
    await ctx.settle()
    assert b"@login_required\ndef settings" not in (ctx.root / "shop/auth.py").read_bytes()
    card = screen.query_one(HunkCard)
    assert not card.applied and not card.accepted and screen.accepted == set()
    assert "0 accepted" in screen.summary().plain
    await ctx.press("enter")  # agrees: nothing accepted, nothing written
    await ctx.settle()
    assert b"@login_required\ndef settings" not in (ctx.root / "shop/auth.py").read_bytes()


@check("Changes", "s", "changes.split")
async def _split(ctx: Ctx) -> None:
    card = ctx.app.screen.query_one(HunkCard)
    await ctx.press("s")
    assert card.split is True
    await ctx.press("s")
    assert card.split is False


@check("Changes", "↓", "changes.next")
async def _next(ctx: Ctx) -> None:
    screen = ctx.app.screen
    cards = list(screen.query(HunkCard))
    await ctx.press("down")
    assert screen.focused is cards[-1]  # one hunk: it stays on it


@check("Changes", "↑", "changes.previous")
async def _previous(ctx: Ctx) -> None:
    screen = ctx.app.screen
    await ctx.press("up")
    assert screen.focused is screen.query(HunkCard).first()


@check("Changes", "esc", "changes.close")
async def _close(ctx: Ctx) -> None:
    await ctx.press("escape")
    await screen_of(ctx.pilot, MainScreen)


# ---- the walk ------------------------------------------------------------------------------


ORDER = {
    # (section, ordered idents): the order the checks run in one app (each builds on the last)
    "main": [
        ("Global", "?", "app.help"),
        ("Global", "tab", "Next pane"),
        ("Map", "↑ ↓", "Move"),
        ("Map", "→", "map.expand"),
        ("Map", "←", "map.collapse"),
        ("Map", "enter", "Open / read"),
        ("Code view", "v", "code.mark"),
        ("Code view", "esc", "code.clear_mark"),
        ("Code view", "shift+↑ ↓", "Mark"),
        ("Code view", "drag", "Mark"),
        ("Global", "ctrl+p", "Commands"),
        ("Main", "/", "main.filter"),
        ("Main", "esc", "main.back"),
        ("Main", "t", "main.toggle_files"),
        ("Main", "e", "main.editor"),
        ("Main", "r", "main.reread"),
        ("Main", "R", "main.review"),
        ("Main", "c", "main.changes"),
        ("Main", "u", "main.undo"),
        ("Main", "A", "main.ask"),
        ("Main", "H", "main.history"),
        ("Main", "p", "main.review_panel"),
        ("Main", "f", "main.follow_up"),
        ("Main", "d", "main.change_mode"),
        ("Changed routes", "b", "changemode.base"),
        ("Changed routes", "esc", "changemode.close"),
        ("Changed routes", "R", "changemode.review"),
        ("Main", "esc", "main.cancel_review"),
        ("Main", "r", "main.retry"),
        ("Main", "o", "main.offline"),
    ],
    "panel": [
        ("Review panel", "esc", "review.cancel"),
        ("Review panel", "r", "review.retry"),
        ("Review panel", "enter", "Jump"),
        ("Review panel", "enter", "Changes"),
        ("Changes", "space", "changes.toggle"),
        ("Changes", "a", "changes.accept_all"),
        ("Changes", "q", "changes.quit"),
        ("Changes", "enter", "changes.apply"),
        ("Changes", "c", "changes.commit"),
        ("Changes", "u", "changes.undo"),
        ("Changes", "s", "changes.split"),
        ("Changes", "↓", "changes.next"),
        ("Changes", "↑", "changes.previous"),
        ("Changes", "esc", "changes.close"),
        ("Review panel", "o", "review.offline"),
        ("Review panel", "enter", "Follow up"),
        ("Global", "q", "app.quit"),
    ],
}


def test_the_walk_covers_every_check_once() -> None:
    """Both walks together run each registered check exactly once."""
    walked = [ident for walk in ORDER.values() for ident in walk]
    assert sorted(walked) == sorted(CHECKS) and len(walked) == len(set(walked))


def _git_project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "shop-project")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "shop"], check=True)
    return root


@pytest.mark.parametrize("walk", sorted(ORDER))
async def test_walk_every_key_in_its_focus(
    walk: str, tmp_path: Path, llm_env: AnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Press each key of the table where it is listed; assert what it did."""
    monkeypatch.setenv("EDITOR", "true")
    root = _git_project(tmp_path)
    reads: list[int] = []

    def reader(path: Path, _cache: bool):  # type: ignore[no-untyped-def]
        reads.append(1)
        return shop_map(path)

    app = RecordingApp(root, reader=reader, git_probe=lambda _r: "clean", cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        ctx = Ctx(pilot, app, root, llm_env, reads)
        main = await select_route(pilot, "auth.settings")
        main.map_tree.focus()
        if walk == "panel":  # a finished model review with one finding and one hunk
            llm_env.queue(TextReply(ANSWER))
            await _start_review(ctx)
            await ctx.settle()
        for ident in ORDER[walk]:
            try:
                await CHECKS[ident](ctx)
            except AssertionError as error:
                raise AssertionError(f"{ident}: {error}") from error
