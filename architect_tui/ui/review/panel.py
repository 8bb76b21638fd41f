"""The review panel: a live, streamed conversation with the architect about the selection.

The panel is fed a stream of the core's plain events (``TextDelta``, ``UsageUpdate``, ``Waiting``,
``Finished``, ``Failed``) and knows nothing of where they come from: the LLM engine, the offline
rules or a test script. It renders them the way Toad does (``Markdown.get_stream`` inside a
bottom-anchored scroll, the stream stopped in ``finally``) from a worker it owns, so a new review
cancels the old one and closing the panel closes the stream.

Attributes down, messages up: the owner sets ``target``/``model``/``lens`` and calls
``start_review``/``continue_review``/``show_review``; the panel posts ``FindingSelected``,
``ChangesRequested``, ``FollowUp``, ``Completed``, ``ReviewFailed``, ``RetryRequested`` and
``OfflineRequested``.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterable, Callable
from contextlib import suppress
from dataclasses import dataclass

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Markdown, OptionList, Static
from textual.widgets.markdown import MarkdownStream
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from architect_tui.review.model import (
    Failed,
    Finding,
    Finished,
    Review,
    ReviewEvent,
    TextDelta,
    Usage,
    UsageUpdate,
    Waiting,
)
from architect_tui.review.pricing import estimate_cost
from architect_tui.ui.review._css import sibling_tcss
from architect_tui.ui.review.findings import FindingsList, is_project_path
from architect_tui.ui.review.status import CostEstimator, failure_title, header_content
from architect_tui.ui.review.text import wait_reason
from architect_tui.ui.review.turn import ChangesButton, ReviewTurn, can_retry

EventStream = AsyncIterable[ReviewEvent]
EventSource = EventStream | Callable[[], EventStream]
"""An event stream, or a zero-argument callable making one (which also lets ``r`` retry it)."""

CANCELLED_MESSAGE = "The review was cancelled; the text so far is kept."


class ReviewPanel(Widget, can_focus=False):
    """Header, streamed conversation, findings and changes, and a follow-up input."""

    DEFAULT_CSS = sibling_tcss(__file__)

    BINDINGS = [
        Binding(
            "escape",
            "cancel_review",
            "Cancel",
            id="review.cancel",
            tooltip="Stop the running review and close its stream; the text so far is kept.",
        ),
        Binding(
            "r",
            "retry",
            "Retry",
            id="review.retry",
            tooltip="Run the last request again after it failed, was cut or was cancelled.",
        ),
        Binding(
            "o",
            "offline",
            "Offline review",
            id="review.offline",
            tooltip="Review with the local rules instead (no key, no network needed).",
        ),
    ]

    # ---- messages (one home: here) ------------------------------------------------------------

    @dataclass
    class FindingSelected(Message):
        """The user chose a finding: the code view should show ``file`` at ``line``."""

        file: str
        line: int | None
        finding: Finding

    @dataclass
    class ChangesRequested(Message):
        """The user wants to see (and maybe apply) the proposed changes of ``review``."""

        review: Review

    @dataclass
    class FollowUp(Message):
        """The user asked a follow-up; the owner runs the next turn with ``continue_review``."""

        text: str

    @dataclass
    class Completed(Message):
        """A turn finished; the owner saves ``review`` (the panel never writes files).
        ``question`` is the follow-up it answers (None for the review itself)."""

        review: Review
        question: str | None = None

    @dataclass
    class ReviewFailed(Message):
        """A turn failed or was cut; ``failure.partial`` holds what arrived. ``question`` is the
        follow-up it was answering (None for the review itself)."""

        failure: Failed
        question: str | None = None

    @dataclass
    class RetryRequested(Message):
        """Retry was pressed but the panel was given a one-shot stream it cannot replay."""

        question: str | None

    @dataclass
    class OfflineRequested(Message):
        """The user asked for the offline review of the same target."""

    # ---- attributes down ----------------------------------------------------------------------

    target: reactive[str] = reactive("")
    model: reactive[str] = reactive("")
    lens: reactive[str] = reactive("full")
    status: reactive[str] = reactive("idle")
    """idle, streaming, waiting, done, incomplete, failed, cancelled or saved."""

    header = getters.query_one("#review-header", Static)
    conversation = getters.query_one("#review-log", VerticalScroll)
    follow_up_input = getters.query_one("#review-follow-up", Input)

    def __init__(
        self,
        *,
        cost_estimator: CostEstimator | None = estimate_cost,
        empty_text: str = "No review yet: select a route, a blueprint or a file and ask for one.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.cost_estimator = cost_estimator
        self.empty_text = empty_text  # the owner names its own keys here
        self.review: Review | None = None  # the latest finished (or partial) answer
        self.usage: Usage | None = None  # the whole conversation's usage so far
        self._turn_usage: Usage | None = None
        self._status_detail = ""
        self._run_id = 0
        self._worker: Worker[None] | None = None
        self._last_source: EventSource | None = None
        self._last_question: str | None = None
        self._last_fresh = True
        self._wait_until: float | None = None
        self._wait_reason = ""
        self._wait_timer: Timer | None = None
        self._last_failure: Failed | None = None  # the last turn's, while it is the last
        self._local: Review | None = None  # offline findings shown with the first answer

    def compose(self) -> ComposeResult:
        yield Static(id="review-header")
        # The log takes the focus (arrows scroll it) so the panel can hold it without the
        # input: single-letter keys stay commands until the user moves into the input.
        with VerticalScroll(id="review-log"):
            yield Static(self.empty_text, id="review-empty")
        yield Input(placeholder="Ask a follow-up…  (Enter to send)", id="review-follow-up")

    def on_mount(self) -> None:
        self.conversation.anchor()
        self._refresh_header()

    # ---- public API ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True while a turn is streaming (or waiting on the server)."""
        return self._worker is not None and self._worker.is_running

    @property
    def turns(self) -> list[ReviewTurn]:
        """The conversation so far, oldest first."""
        return list(self.conversation.query_children(ReviewTurn))

    @property
    def transcript(self) -> str:
        """All the answer text shown, turns joined: what the user reads."""
        return "\n\n".join(turn.text for turn in self.turns)

    def start_review(
        self,
        source: EventSource,
        *,
        target: str | None = None,
        model: str | None = None,
        lens: str | None = None,
        local: Review | None = None,
    ) -> Worker[None]:
        """Start a fresh conversation (cancelling any running one) and stream ``source`` into it.

        ``local`` is the offline rules' review of the same target, when the owner ran them as
        hints for the model: its findings are listed with the answer's, marked local.
        """
        self._local = local
        if target is not None:
            self.target = target
        if model is not None:
            self.model = model
        if lens is not None:
            self.lens = lens
        return self._start(source, question=None, fresh=True)

    def continue_review(self, source: EventSource, question: str) -> Worker[None]:
        """Append a follow-up turn: ``question`` shown, then ``source``'s answer streamed below.

        The input is cleared here, once the question is on its way: a follow-up the owner
        cannot send (no model) stays in the input instead of being lost.
        """
        if self.is_mounted and self.follow_up_input.value.strip() == question.strip():
            self.follow_up_input.clear()
        return self._start(source, question=question, fresh=False)

    def card_offers(self, key: str) -> bool:
        """True while the last turn's failure card names ``key`` (``r`` retry, ``o`` offline)
        and pressing it would work now: the screen then lets the key through from anywhere."""
        if self.running:
            return False
        turns = self.turns
        failure = turns[-1].failure if turns else None
        if failure is None:
            return False
        if key == "r":
            return self.check_action("retry", ()) is True
        if key == "o":
            return failure.kind != "cancelled"
        return False

    def focus_log(self) -> None:
        """Put the focus on the conversation (not the input: letters stay commands)."""
        self.conversation.focus()

    def cancel_review(self) -> bool:
        """Cancel the running turn, if any; its stream is closed. True when something stopped."""
        if not self.running:
            return False
        assert self._worker is not None
        self._worker.cancel()
        return True

    async def show_review(self, review: Review, *, note: str = "saved") -> None:
        """Show a finished review without streaming (a saved one from the history)."""
        previous = self._worker
        self._run_id += 1
        self._last_failure = None
        if previous is not None:
            previous.cancel()
            with suppress(WorkerCancelled, WorkerFailed):
                await previous.wait()
        self._last_source = None
        self.target, self.model, self.lens = review.target, review.model, review.lens
        await self.conversation.remove_children()
        turn = ReviewTurn()
        await self.conversation.mount(turn)
        await turn.show_text(review.markdown)
        await turn.show_result(review)
        self.review = review
        self.usage, self._turn_usage = review.usage, None
        self._set_status(note, "incomplete" if review.incomplete else "")

    async def clear(self) -> None:
        """Forget the conversation (another project, another selection): back to empty."""
        previous = self._worker
        self._run_id += 1
        self._last_failure = None
        self._last_source = None
        self._local = None
        if previous is not None:
            previous.cancel()
            with suppress(WorkerCancelled, WorkerFailed):
                await previous.wait()
        await self.conversation.remove_children()
        await self.conversation.mount(Static(self.empty_text, id="review-empty"))
        self.review = None
        self.usage = self._turn_usage = None
        self._set_status("idle")

    # ---- the worker ---------------------------------------------------------------------------

    def _start(self, source: EventSource, *, question: str | None, fresh: bool) -> Worker[None]:
        self._run_id += 1
        self._last_failure = None
        self._last_source, self._last_question, self._last_fresh = source, question, fresh
        previous = self._worker
        self._worker = self._run_turn(source, question, fresh, self._run_id, previous)
        return self._worker

    @work(exclusive=True, exit_on_error=False, group="review")
    async def _run_turn(
        self,
        source: EventSource,
        question: str | None,
        fresh: bool,
        run_id: int,
        previous: Worker[None] | None,
    ) -> None:
        if previous is not None:
            # exclusive=True cancelled it; let its finally close its stream before we touch the log
            with suppress(WorkerCancelled, WorkerFailed):
                await previous.wait()
        if run_id != self._run_id:
            return
        if fresh:
            await self.conversation.remove_children()
            self.usage = None
            self.review = None
        await self.conversation.query("#review-empty").remove()
        self._turn_usage = None
        turn = ReviewTurn(question)
        await self.conversation.mount(turn)
        self.conversation.anchor()
        self._set_status("streaming")
        outcome = await self._stream_into(turn, source, run_id)
        if run_id != self._run_id:
            return
        local = self._local if fresh else None
        if isinstance(outcome, Finished):
            await self._finish(turn, outcome.review, local)
        else:
            await self._fail(turn, outcome, local)

    async def _stream_into(
        self, turn: ReviewTurn, source: EventSource, run_id: int
    ) -> Finished | Failed:
        """Feed the turn's markdown from the events; always close both streams on the way out."""
        # Made on the first fragment: a MarkdownStream stopped before its task ever ran raises
        # CancelledError into the caller (Textual 8.2), which would cancel this worker.
        stream: MarkdownStream | None = None
        events: EventStream | None = None
        outcome: Finished | Failed | None = None
        try:
            events = source() if callable(source) else source
            async for event in events:
                if isinstance(event, TextDelta):
                    self._stop_waiting()
                    turn.text += event.text
                    if run_id == self._run_id and self.status != "streaming":
                        self._set_status("streaming")
                    if stream is None:
                        stream = Markdown.get_stream(turn.markdown)
                    await stream.write(turn.shown(event.text))
                elif isinstance(event, UsageUpdate):
                    self._turn_usage = event.usage
                    self._refresh_header()
                elif isinstance(event, Waiting):
                    self._start_waiting(event)
                elif isinstance(event, Finished | Failed):
                    outcome = event
                    break
        except asyncio.CancelledError:
            self._stop_waiting()
            turn.add_class("-incomplete")
            if run_id == self._run_id:  # Esc, not a newer review taking over
                self._close_turn_usage()  # what was read so far is billed all the same
                self._last_failure = Failed("cancelled", CANCELLED_MESSAGE, None, retryable=True)
                self._set_status("cancelled")
                with suppress(Exception):  # the panel may be going away with the app
                    await turn.show_failure(self._last_failure)
            raise
        except Exception as error:  # a bug or an unexpected error below: say it, stay usable
            outcome = Failed("error", f"{type(error).__name__}: {error}", None, retryable=True)
        finally:
            self._stop_waiting()
            if events is not None:
                await _close(events)
            if stream is not None:
                await stream.stop()
        if outcome is None:
            outcome = Failed("cut", "The answer ended without a result.", None, retryable=True)
        return outcome

    async def _finish(self, turn: ReviewTurn, review: Review, local: Review | None) -> None:
        if not turn.text.strip() and review.markdown:
            # the offline reviewer answers in one piece, with no deltas
            await turn.show_text(review.markdown)
        if review.usage is not None:
            self._turn_usage = review.usage
        self._close_turn_usage()
        await turn.show_result(review, local)
        self.review = review
        self._set_status("incomplete" if review.incomplete else "done")
        self.post_message(self.Completed(review, turn.question))

    async def _fail(self, turn: ReviewTurn, failure: Failed, local: Review | None) -> None:
        partial = failure.partial
        if partial is not None:
            if not turn.text.strip() and partial.markdown:
                await turn.show_text(partial.markdown)
            if partial.usage is not None:
                self._turn_usage = partial.usage
        self._close_turn_usage()
        self._last_failure = failure
        await turn.show_failure(failure)
        if partial is not None and (partial.findings or partial.changes.strip()):
            await turn.show_result(partial, local)
            self.review = partial
        elif local is not None:  # the model failed; the local findings still stand
            await turn.show_result(None, local)
        if failure.kind == "cut" or (partial is not None and partial.incomplete):
            self._set_status("incomplete", failure_title(failure.kind))
        else:
            self._set_status("failed", failure_title(failure.kind))
        self.post_message(self.ReviewFailed(failure, turn.question))

    def _close_turn_usage(self) -> None:
        if self._turn_usage is not None:
            self.usage = self._turn_usage if self.usage is None else self.usage + self._turn_usage
        self._turn_usage = None

    # ---- the wait countdown -------------------------------------------------------------------

    def _start_waiting(self, event: Waiting) -> None:
        self._wait_until = time.monotonic() + max(0.0, event.seconds)
        self._wait_reason = event.reason
        if self._wait_timer is None:
            self._wait_timer = self.set_interval(1.0, self._tick_wait)
        self._tick_wait()

    def _tick_wait(self) -> None:
        if self._wait_until is None:
            return
        left = max(0, math.ceil(self._wait_until - time.monotonic()))
        reason = f": {wait_reason(self._wait_reason)}" if self._wait_reason else ""
        self._set_status("waiting", f"{left}s{reason}")

    def _stop_waiting(self) -> None:
        self._wait_until = None
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None

    # ---- header -------------------------------------------------------------------------------

    def _set_status(self, status: str, detail: str = "") -> None:
        self._status_detail = detail
        if self.status == status:
            self._refresh_header()  # same word, new detail (the countdown)
        self.status = status

    def watch_status(self) -> None:
        self._refresh_header()

    def watch_target(self) -> None:
        self._refresh_header()

    def watch_model(self) -> None:
        self._refresh_header()

    def watch_lens(self) -> None:
        self._refresh_header()

    @property
    def header_text(self) -> str:
        """The header as plain text (what the user reads, for tests and screenshots)."""
        return self._header_content().plain

    def _total_usage(self) -> Usage | None:
        if self._turn_usage is None:
            return self.usage
        return self._turn_usage if self.usage is None else self.usage + self._turn_usage

    def _header_content(self) -> Content:
        usage = self._total_usage()
        cost = None
        if usage is not None and self.cost_estimator is not None and self.model:
            cost = self.cost_estimator(self.model, usage)
        return header_content(
            self.target, self.model, self.lens, self.status, self._status_detail, usage, cost
        )

    def _refresh_header(self) -> None:
        if self.is_mounted:
            self.header.update(self._header_content())
            self.set_class(self.status in {"streaming", "waiting"}, "-running")
            self.refresh_bindings()

    # ---- user input ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_review":
            return self.running
        if action == "retry":
            failure = self._last_failure
            return not self.running and failure is not None and can_retry(failure)
        if action == "offline":  # after a model's answer, or where a card offers it
            return self.card_offers("o") or (not self.running and self.model not in {"", "offline"})
        return True

    def action_cancel_review(self) -> None:
        self.cancel_review()

    def action_retry(self) -> None:
        source = self._last_source
        if source is None or not callable(source):
            self.post_message(self.RetryRequested(self._last_question))
            return
        if self._last_fresh:
            self._start(source, question=None, fresh=True)
            return
        # drop the failed turn and ask again in its place
        turns = self.turns
        if turns:
            turns[-1].remove()
        self._start(source, question=self._last_question, fresh=False)

    def action_offline(self) -> None:
        self.post_message(self.OfflineRequested())

    @on(Input.Submitted, "#review-follow-up")
    def _follow_up(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        if not self.turns:  # nothing to follow up on yet: keep the text, say what to do
            self.notify(self.empty_text, title="No review yet", timeout=4)
            return
        if self.running:  # a follow-up would cut the answer still arriving; keep the text
            self.notify(
                "The answer is still arriving: wait for it, or press Esc to stop it.",
                title="Not yet",
                timeout=4,
            )
            return
        self.post_message(self.FollowUp(text))  # cleared by continue_review once sent

    @on(OptionList.OptionSelected, "FindingsList")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        findings = event.option_list
        assert isinstance(findings, FindingsList)
        finding = findings.finding_at(event.option_index)
        if finding.file and is_project_path(finding.file):
            self.post_message(self.FindingSelected(finding.file, finding.line, finding))

    @on(Markdown.LinkClicked)
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        if event.href.startswith(("https://", "http://")):
            self.app.open_url(event.href)

    @on(Button.Pressed, ".failure-actions .retry")
    def _retry_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.check_action("retry", ()):
            self.action_retry()

    @on(Button.Pressed, ".failure-actions .offline")
    def _offline_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_offline()

    @on(Button.Pressed, ".changes")
    def _changes_chosen(self, event: Button.Pressed) -> None:
        event.stop()
        assert isinstance(event.button, ChangesButton)
        self.post_message(self.ChangesRequested(event.button.review))


async def _close(events: EventStream) -> None:
    """Close an async generator (runs its ``finally``: the HTTP stream is released)."""
    aclose = getattr(events, "aclose", None)
    if aclose is not None:
        with suppress(Exception):
            await aclose()


__all__ = ["EventSource", "EventStream", "ReviewPanel"]
