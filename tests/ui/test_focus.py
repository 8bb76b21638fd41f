"""Focus that stays put: after each review state (streaming, done, error card, cancelled) the
focus is where the user left it (or on the review panel when its pane was covered), never in
an input, so single-letter keys stay commands; the keys a card names work from the map; the
first esc stops a running review wherever the focus is."""

from __future__ import annotations

import asyncio
from pathlib import Path

from test_flow_review import screen_of, select_route
from textual.widgets import Input
from ui_project import RecordingApp, settle, shop_map, write_project

from architect_tui.ui.review import ContextScreen, LensScreen, ReviewPanel
from architect_tui.ui.review.turn import FailureBox
from architect_tui.ui.screens.main import MainScreen
from tests.support.anthropic_server import (
    AnthropicServer,
    CutReply,
    ErrorReply,
    HangReply,
    TextReply,
)

ANSWER = "## Summary\nFine.\n\n## Findings\nNone.\n\n## Proposed changes\nNone.\n"


def counting_app(root: Path) -> tuple[RecordingApp, list[int]]:
    """The small project's app, counting how often the project is read (``r`` re-reads)."""
    reads: list[int] = []

    def reader(path: Path, _cache: bool):  # type: ignore[no-untyped-def]
        reads.append(1)
        return shop_map(path)

    app = RecordingApp(root, reader=reader, git_probe=lambda _r: "clean", cursor_blink=False)
    return app, reads


async def review_with_model(pilot, main: MainScreen) -> ReviewPanel:  # type: ignore[no-untyped-def]
    """R, the lens, the context: the request is on its way."""
    await pilot.press("R")
    await screen_of(pilot, LensScreen)
    await pilot.press("enter")
    await screen_of(pilot, ContextScreen)
    await pilot.press("enter")
    await screen_of(pilot, MainScreen)
    return main.query_one(ReviewPanel)


def not_typing(app: RecordingApp) -> None:
    assert not isinstance(app.focused, Input), app.focused


async def test_card_keys_work_from_the_map_after_a_dropped_stream(
    tmp_path: Path, llm_env: AnthropicServer
) -> None:
    """ "press r to retry" on a cut answer retries from the map (not a re-read); once the
    card is gone, r re-reads the project again."""
    llm_env.queue(CutReply(), TextReply(ANSWER))
    app, reads = counting_app(write_project(tmp_path / "small"))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "auth.login")
        panel = await review_with_model(pilot, main)
        await settle(pilot)
        assert panel.status == "incomplete" and panel.query(FailureBox)
        assert app.focused is main.map_tree  # the focus never moved
        assert panel.card_offers("r") and main.check_action("retry_review", ())
        read_before = len(reads)
        await pilot.press("r")
        await settle(pilot)
        assert len(llm_env.requests) == 2  # retried
        assert len(reads) == read_before  # and not re-read
        assert app.focused is main.map_tree
        not_typing(app)


async def test_offline_key_on_an_error_card_works_from_the_map(
    tmp_path: Path, llm_env: AnthropicServer
) -> None:
    """A 401 card offers "Offline review (o)": o on the map runs it; without a card, o is
    not a key of the map."""
    llm_env.queue(ErrorReply(401, "authentication_error", "invalid x-api-key"))
    app, _reads = counting_app(write_project(tmp_path / "small"))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "auth.settings")
        assert not main.check_action("offline_review", ())  # no card yet
        panel = await review_with_model(pilot, main)
        await settle(pilot)
        assert panel.status == "failed" and app.focused is main.map_tree
        await pilot.press("o")
        await settle(pilot)
        assert panel.model == "offline" and panel.status == "done"
        assert panel.review is not None and panel.review.source == "local"
        assert not main.check_action("offline_review", ())  # the card went with the review
        assert app.focused is main.map_tree


async def test_first_escape_cancels_the_review_even_from_the_code_view(
    tmp_path: Path, llm_env: AnthropicServer
) -> None:
    """Streaming: focus stays on the code view where the range was marked; the first esc
    stops the review and keeps the mark, the second drops the mark; r then retries."""
    llm_env.queue(HangReply(30))
    app, _reads = counting_app(write_project(tmp_path / "small"))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "auth.login")
        await pilot.press("tab", "v", "down", "v")
        assert app.focused is main.code_view
        assert main.selection is not None and main.selection.kind == "range"
        panel = await review_with_model(pilot, main)
        assert await asyncio.to_thread(llm_env.wait_for_requests, 1)
        assert panel.running and panel.status == "streaming"
        assert app.focused is main.code_view  # streaming: still where the user was
        await pilot.press("escape")
        await settle(pilot)
        assert panel.status == "cancelled" and not panel.running
        assert main.selection.kind == "range"  # the mark survived the first esc
        assert app.focused is main.code_view
        await pilot.press("escape")
        assert main.selection.kind == "route"  # the second esc drops the mark


async def test_escape_in_the_follow_up_input_stops_the_stream_and_keeps_the_text(
    tmp_path: Path, llm_env: AnthropicServer
) -> None:
    """The user moved into the input (f): letters are text there; esc still stops the review
    first, and the typed text stays."""
    llm_env.queue(HangReply(30))
    app, _reads = counting_app(write_project(tmp_path / "small"))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await select_route(pilot, "auth.login")
        panel = await review_with_model(pilot, main)
        assert await asyncio.to_thread(llm_env.wait_for_requests, 1)
        await pilot.press("f")
        assert app.focused is panel.follow_up_input
        await pilot.press(*"rop")  # text now, not retry / offline / panel
        assert panel.follow_up_input.value == "rop" and panel.running
        await pilot.press("escape")
        await settle(pilot)
        assert panel.status == "cancelled"
        assert panel.follow_up_input.value == "rop"


async def test_focus_after_r_and_p_never_lands_in_the_input_or_the_code(
    tmp_path: Path, no_llm_env: None
) -> None:
    """Wide: R from the details pane (which the panel covers) puts the focus on the review,
    not the code view; p maximises and hides without typing, and the next p and c act."""
    app, _reads = counting_app(write_project(tmp_path / "small"))
    async with app.run_test(size=(160, 40)) as pilot:
        main = await select_route(pilot, "auth.settings")
        main.details.focus()
        await pilot.press("R")
        await screen_of(pilot, LensScreen)
        await pilot.press("enter")
        await settle(pilot)
        flow = main._review_flow
        assert flow is not None and flow.panel.status == "done"
        assert app.focused is flow.panel.conversation  # the details pane is covered
        await pilot.press("p")
        assert flow.mode == "max" and app.focused is flow.panel.conversation
        await pilot.press("c")  # a command, not text: it answers about the changes
        await settle(pilot)
        assert flow.panel.follow_up_input.value == ""
        assert "The last review proposes no changes." in app.notes
        await pilot.press("p")
        assert flow.mode == "hidden" and app.focused is main.map_tree
        not_typing(app)
