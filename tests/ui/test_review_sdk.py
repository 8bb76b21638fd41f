"""End to end: the review panel streaming from the real engine and the real ``anthropic`` SDK,
talking HTTP to the local Anthropic-compatible test server. Nothing in the SDK is mocked."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Markdown, SelectionList

try:
    from tests.support.anthropic_server import (
        AnthropicServer,
        CutReply,
        ErrorReply,
        TextReply,
    )
except ModuleNotFoundError:  # the repo root is not on sys.path unless pytest is told so
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.support.anthropic_server import (
        AnthropicServer,
        CutReply,
        ErrorReply,
        TextReply,
    )
from architect_tui.analysis import read_project
from architect_tui.analysis.selection import route_selection
from architect_tui.config import Settings
from architect_tui.review.context import build_request
from architect_tui.review.engine import Conversation
from architect_tui.review.model import ContextPiece, ReviewRequest
from architect_tui.review.store import list_reviews, load_review
from architect_tui.ui.review import ContextScreen, ReviewPanel, ReviewSession, apply_choice
from architect_tui.ui.review.findings import FindingsList
from architect_tui.ui.review.text import display_markdown
from tests.support.fixtures import anthropic_server, llm_env, no_llm_env  # noqa: F401 (fixtures)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shop"

ANSWER = """## Summary
The search view builds SQL from the query string.

## Findings
### [high] security: SQL query built from request input
Location: `shop/views.py:3`
Anyone can read the whole table; bind the parameter.

## Proposed changes
```diff
--- a/shop/views.py
+++ b/shop/views.py
@@ -2,2 +2,2 @@
 def search():
-    q = f"select * from items where name = '{name}'"
+    q = text("select * from items where name = :name")
```
"""


def make_request() -> ReviewRequest:
    piece = ContextPiece(
        "sel",
        "search view",
        "shop/views.py",
        1,
        3,
        30,
        "the selection",
        kind="selection",
        required=True,
        text="1| @bp.get('/search')\n2| def search():\n3|     q = f\"select ...\"",
    )
    return ReviewRequest(
        target="shop.search",
        lens="security",
        system="You are a Flask architect.",
        overview="Project: shop",
        pieces=[piece],
        budget=12_000,
    )


class Owner(App[None]):
    """What the main screen will do: one Conversation per review, follow-ups through it."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.conversation = Conversation(make_request(), settings)

    def compose(self) -> ComposeResult:
        yield ReviewPanel()

    def on_mount(self) -> None:
        self.query_one(ReviewPanel).start_review(
            self.conversation.start,
            target="shop.search",
            model="claude-sonnet-5-5",
            lens="security",
        )

    def on_review_panel_follow_up(self, message: ReviewPanel.FollowUp) -> None:
        conversation = self.conversation
        self.query_one(ReviewPanel).continue_review(
            lambda: conversation.follow_up(message.text), message.text
        )


def unique(seen: list[Message], kind: type) -> list:
    return list({id(m): m for m in seen if isinstance(m, kind)}.values())


async def test_panel_streams_a_review_and_a_follow_up_from_the_sdk(
    llm_env: AnthropicServer,  # noqa: F811
) -> None:
    """The answer streams in chunks through the SDK; a follow-up carries the history."""
    llm_env.queue(
        TextReply(ANSWER, chunk_size=40, input_tokens=900, cache_creation_input_tokens=400),
        TextReply("Because the name comes from `request.args`.\n", chunk_size=5),
    )
    seen: list[Message] = []
    app = Owner(Settings(max_retries=0))
    async with app.run_test(message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.query_one(ReviewPanel)
        # streamed in 40-character pieces, shown as the whole answer would be (the Location
        # line on its own); the text itself is the model's, unchanged
        assert panel.query_one(Markdown).source == display_markdown(ANSWER) != ANSWER
        assert panel.transcript == ANSWER
        assert panel.status == "done"
        assert "in 900" in panel.header_text and "cache w 400" in panel.header_text
        findings = panel.query_one(FindingsList)
        assert [(f.file, f.line) for f in findings.findings] == [("shop/views.py", 3)]
        assert panel.review is not None and "+++ b/shop/views.py" in panel.review.changes
        request = llm_env.requests[0]
        assert request.body["stream"] is True
        assert "def search():" in request.last_user_text

        panel.follow_up_input.focus()
        await pilot.press(*"why?", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [t.question for t in panel.turns] == [None, "why?"]
        assert panel.turns[1].text == "Because the name comes from `request.args`.\n"
        follow = llm_env.requests[1]
        assert [m["role"] for m in follow.body["messages"]] == ["user", "assistant", "user"]
        assert len(unique(seen, ReviewPanel.Completed)) == 2


async def test_escape_closes_the_http_stream(llm_env: AnthropicServer) -> None:  # noqa: F811
    """Esc during a slow stream cancels the worker and the client hangs up on the server."""
    llm_env.queue(TextReply(ANSWER, chunk_size=4, delay=0.2))
    app = Owner(Settings(max_retries=0))
    async with app.run_test() as pilot:
        panel = app.query_one(ReviewPanel)
        while not panel.turns or not panel.turns[0].text:  # the first text is on screen
            await pilot.pause()
        panel.follow_up_input.focus()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        assert await asyncio.to_thread(llm_env.disconnected.wait, 10)
        assert panel.status == "cancelled"
        assert panel.turns[0].text and panel.turns[0].text != ANSWER


@pytest.mark.parametrize(
    ("reply", "kind", "words"),
    [
        (ErrorReply(401, "authentication_error", "invalid x-api-key"), "auth", "rejected"),
        (ErrorReply(404, "not_found_error", "model: nope"), "not_found", "ARCHITECT_MODEL"),
        (ErrorReply(413, "request_too_large", "too big"), "too_large", "budget"),
        (CutReply("## Summary\nThe view builds SQL from "), "cut", "incomplete"),
    ],
)
async def test_server_errors_show_a_way_forward(
    llm_env: AnthropicServer,  # noqa: F811
    reply: object,
    kind: str,
    words: str,
) -> None:
    """Real HTTP errors reach the panel as a message box; the app stays usable."""
    llm_env.queue(reply)  # type: ignore[arg-type]
    seen: list[Message] = []
    app = Owner(Settings(max_retries=0))
    async with app.run_test(message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.query_one(ReviewPanel)
        assert [m.failure.kind for m in unique(seen, ReviewPanel.ReviewFailed)] == [kind]
        text = panel.query_one(".failure").render().plain
        assert words in text and "Traceback" not in text
        assert app.is_running


async def test_no_key_says_how_to_set_one(no_llm_env: None) -> None:  # noqa: F811
    """Without a key nothing is sent; the panel explains the key and the offline review."""
    seen: list[Message] = []
    app = Owner(Settings(max_retries=0))
    async with app.run_test(message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.query_one(ReviewPanel)
        text = panel.query_one(".failure").render().plain
        assert "ANTHROPIC_API_KEY" in text and "offline" in text
        assert panel.status == "failed"
        assert not panel.query(".failure-actions .retry")  # resending cannot help here
        await pilot.click(".failure-actions .offline")
        await pilot.pause()
        assert len(unique(seen, ReviewPanel.OfflineRequested)) == 1


async def test_session_saves_each_answer_and_sums_usage(
    llm_env: AnthropicServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The screen's glue: answers are saved under .architect/reviews, follow-ups as asks, and
    the session's usage adds up."""
    llm_env.queue(
        TextReply(ANSWER, input_tokens=1000, output_tokens=200),
        TextReply("Because.\n", input_tokens=1500, output_tokens=20),
        CutReply("## Summary\nHalf of "),
    )
    session = ReviewSession(tmp_path, Settings(max_retries=0))
    notes: list[str] = []

    class SessionHost(App[None]):
        def compose(self) -> ComposeResult:
            yield ReviewPanel()

        def on_review_panel_follow_up(self, message: ReviewPanel.FollowUp) -> None:
            session.follow_up(self.query_one(ReviewPanel), message.text)

        def on_review_panel_completed(self, message: ReviewPanel.Completed) -> None:
            if session.completed(message.review, message.question) is None:
                notes.append("not saved")

        def on_review_panel_review_failed(self, message: ReviewPanel.ReviewFailed) -> None:
            session.failed(message.failure, message.question)

    request = make_request()
    request.pieces.append(ContextPiece("cfg", "config", "shop/config.py", 1, 9, 40, "config"))
    app = SessionHost()
    async with app.run_test() as pilot:
        panel = app.query_one(ReviewPanel)
        session.start(panel, apply_choice(request, set()))
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel.follow_up_input.focus()
        await pilot.press(*"why?", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"and?", "enter")  # this answer is cut: saved as incomplete
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert notes == []
    assert [p.included for p in request.pieces] == [True, False]  # required kept, cfg unticked
    assert "shop/config.py" not in llm_env.requests[0].last_user_text.split("<not_included>")[0]
    records = list_reviews(tmp_path)
    assert sorted((r.ask or "") for r in records) == ["", "and?", "why?"]
    assert [r.incomplete for r in records if r.ask == "and?"] == [True]
    by_ask = {r.ask: load_review(r) for r in records}
    assert by_ask[None].markdown == ANSWER and by_ask[None].lens == "security"
    assert by_ask["why?"].markdown == "Because.\n"
    assert session.totals.responses == 3  # the cut answer was billed for what it read
    assert session.totals.usage.input_tokens == 1000 + 1500 + 120
    assert session.totals.cost > 0


async def test_whole_flow_on_the_example_project(
    llm_env: AnthropicServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Real map, real context, the context screen (one piece unticked), the SDK stream, saved."""
    root = tmp_path / "shop"
    shutil.copytree(EXAMPLE, root)
    project = read_project(root, use_cache=False)
    selection = route_selection(project, "auth.register")
    settings = Settings(max_retries=0)
    request = build_request(project, selection, settings, lens="security")
    optional = [p for p in request.pieces if not p.required and p.included]
    dropped = optional[0]
    llm_env.queue(TextReply(ANSWER))
    session = ReviewSession(root, settings)

    class FlowHost(App[None]):
        def compose(self) -> ComposeResult:
            yield ReviewPanel()

        def on_mount(self) -> None:
            self.push_screen(ContextScreen(request), self.send)

        def send(self, chosen: set[str] | None) -> None:
            assert chosen is not None
            session.start(self.query_one(ReviewPanel), apply_choice(request, chosen))

        def on_review_panel_completed(self, message: ReviewPanel.Completed) -> None:
            session.completed(message.review, message.question)

    app = FlowHost()
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ContextScreen)
        redactions = screen.query_one("#context-redactions").render().plain
        assert redactions.startswith(f"{len(request.redactions)} secret")
        pieces = screen.query_one(SelectionList)
        pieces.highlighted = request.pieces.index(dropped)
        await pilot.press("space", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.query_one(ReviewPanel)
        assert panel.status == "done" and "auth.register" in panel.header_text
    sent = llm_env.requests[0].last_user_text
    related = sent.split("<not_included>")[0]
    assert dropped.text not in related
    assert dropped.title in sent.split("<not_included>")[1]  # the model is told it exists
    assert [r.target for r in list_reviews(root)] == ["auth.register"]
