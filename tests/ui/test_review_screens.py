"""Pilot tests of the review's modal screens: context, ask, lens and history."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Markdown, OptionList, SelectionList, Static

from architect_tui.review.model import (
    ContextPiece,
    Finding,
    Redaction,
    Review,
    ReviewRequest,
    Usage,
)
from architect_tui.review.store import SavedReview, list_reviews, load_review, save_review
from architect_tui.ui.review import (
    AskScreen,
    ContextScreen,
    HistoryEntry,
    HistoryScreen,
    LensScreen,
    ReviewPanel,
)


class Host(App[None]):
    """Pushes one screen and keeps what it returned."""

    def __init__(self, screen: Any) -> None:
        super().__init__()
        self.to_push = screen
        self.results: list[Any] = []
        self.callback: Any = self.results.append

    def compose(self) -> ComposeResult:
        yield ReviewPanel()

    def on_mount(self) -> None:
        self.push_screen(self.to_push, self.callback)


def make_request() -> ReviewRequest:
    pieces = [
        ContextPiece(
            "sel",
            "Selected view",
            "shop/views.py",
            10,
            30,
            400,
            "the selection",
            kind="selection",
            required=True,
        ),
        ContextPiece("dec", "login_required", "shop/auth.py", 3, 12, 120, "decorator on the view"),
        ContextPiece("model", "class Order", "shop/models.py", 5, 40, 900, "used by the view"),
        ContextPiece(
            "cfg", "config", "shop/config.py", 1, 20, 300, "config (trimmed)", included=False
        ),
    ]
    redactions = [
        Redaction(f"«REDACTED:{i}»", "shop/config.py", i, "assignment") for i in (1, 2, 3)
    ]
    return ReviewRequest(
        target="shop.orders",
        lens="security",
        system="x" * 35,
        overview="y" * 35,
        pieces=pieces,
        budget=1000,
        redactions=redactions,
        skipped_files=[".env"],
    )


async def test_context_screen_lists_pieces_and_returns_toggled_ids() -> None:
    """Space toggles pieces; enter returns the ticked ids, the required one always included."""
    app = Host(ContextScreen(make_request()))
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ContextScreen)
        assert screen.chosen == {"sel", "dec", "model"}
        assert "Related code 1,020 of 1,000 tokens" in screen.total_text
        assert "over the budget" in screen.total_text
        notes = screen.query_one("#context-redactions", Static).render().plain
        assert notes == "3 secrets replaced with placeholders."
        assert ".env" in screen.query_one("#context-skipped", Static).render().plain
        pieces = screen.query_one(SelectionList)
        pieces.highlighted = 2  # class Order: untick it
        await pilot.press("space")
        pieces.highlighted = 3  # config: tick it
        await pilot.press("space")
        pieces.highlighted = 0  # the selection is required: space does nothing
        await pilot.press("space")
        await pilot.pause()
        assert "Related code 420 of 1,000 tokens" in screen.total_text
        assert "over the budget" not in screen.total_text
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [{"sel", "dec", "cfg"}]


async def test_context_screen_toggle_all_and_cancel() -> None:
    """`a` unticks every optional piece (then ticks them); esc returns None."""
    app = Host(ContextScreen(make_request()))
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ContextScreen)
        await pilot.press("a")  # not all ticked -> tick all
        assert screen.chosen == {"sel", "dec", "model", "cfg"}
        await pilot.press("a")
        assert screen.chosen == {"sel"}
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_ask_screen_returns_the_question() -> None:
    """Enter returns the typed request; an empty one is not sent."""
    app = Host(AskScreen("bp:auth"))
    async with app.run_test() as pilot:
        await pilot.press("enter")  # empty: stays open
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"add a register view")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["add a register view"]


async def test_ask_screen_escape_cancels() -> None:
    """Esc closes the ask screen with None."""
    app = Host(AskScreen())
    async with app.run_test() as pilot:
        await pilot.press(*"hm")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_lens_screen_returns_the_chosen_lens() -> None:
    """The current lens is highlighted; moving down and enter returns the next one."""
    app = Host(LensScreen(current="security"))
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == ["rest"]


async def test_lens_screen_lists_project_lenses() -> None:
    """A project's own lens is offered after the built-in ones."""
    app = Host(LensScreen(["full", "security", "graphql"], current="full"))
    async with app.run_test() as pilot:
        await pilot.press("end", "enter")
        await pilot.pause()
    assert app.results == ["graphql"]


async def test_history_reopens_a_saved_review_in_the_panel(tmp_path: Path) -> None:
    """Reviews saved by the store are listed newest first; the chosen one opens in the panel."""
    older = Review("shop.login", "claude-haiku-5-5", "full", "## Old one\n", usage=Usage(10, 5))
    newer = Review(
        "bp:orders",
        "offline",
        "database",
        "## Newer one\n",
        source="local",
        findings=[Finding("high", "database", "N+1", "shop/orders.py", 9, "Eager load.")],
    )
    save_review(tmp_path, older, started_at=1_700_000_000.0)
    save_review(tmp_path, newer, started_at=1_800_000_000.0, ask="why so slow?")
    records = list_reviews(tmp_path)
    app = Host(HistoryScreen(records))

    async def reopen(record: SavedReview | None) -> None:
        app.results.append(record)
        if record is not None:
            await app.query_one(ReviewPanel).show_review(load_review(record))

    app.callback = reopen
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert [r.target for r in screen.records] == ["bp:orders", "shop.login"]
        first = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "1 finding" in first and "database" in first and "ask: why so slow?" in first
        await pilot.press("down", "enter")
        await pilot.pause()
        panel = app.query_one(ReviewPanel)
        assert [r.target for r in app.results] == ["shop.login"]
        assert panel.query_one(Markdown).source.strip() == "## Old one"
        assert panel.status == "saved" and "shop.login" in panel.header_text
        assert "in 10" in panel.header_text


async def test_history_orders_plain_entries_by_date() -> None:
    """Plain HistoryEntry records (datetime or ISO text) sort newest first; enter returns one."""
    entries = [
        HistoryEntry(datetime(2026, 11, 20, 9, 0), "a", "m", "full", 0, key="a"),
        HistoryEntry("2026-11-25T14:30:00+00:00", "b", "m", "full", 3, incomplete=True, key="b"),
    ]
    app = Host(HistoryScreen(entries))
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        first = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert first.startswith("2026-11-25 14:30") and "incomplete" in first
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [entries[1]]


async def test_history_without_records_says_so() -> None:
    """An empty history explains where reviews are kept and closes with esc."""
    app = Host(HistoryScreen([]))
    async with app.run_test() as pilot:
        assert (
            "No saved reviews yet" in app.screen.query_one("#history-empty", Static).render().plain
        )
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_context_screen_enter_on_cancel_button_cancels() -> None:
    """Enter sends from the list, but on the focused Cancel button it cancels."""
    app = Host(ContextScreen(make_request()))
    async with app.run_test() as pilot:
        app.screen.query_one("#context-cancel").focus()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [None]
