"""One review, start to finish, for every front end: the TUI's worker and ``architect review``.

``run_review(request, settings)`` streams plain events and ends with ``Finished(review)`` or
``Failed``. A :class:`Conversation` keeps the turns so a follow-up question carries the history
(and reads the system prompt, the overview and the first turn from the prompt cache); a new
review is a new ``Conversation``.

Typical use (a Textual worker or ``asyncio.run``)::

    conversation = Conversation(build_request(project, selection, settings), settings)
    async for event in conversation.start():
        ...  # TextDelta -> append; Waiting -> countdown; Finished/Failed -> done
    async for event in conversation.follow_up("And how would you test it?"):
        ...
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import aclosing
from dataclasses import replace
from typing import Any

from architect_tui.config import Settings
from architect_tui.patch import extract_answer
from architect_tui.review.changes import has_cut_hunk, render_patch
from architect_tui.review.client import StreamEnd, stream_answer, system_blocks
from architect_tui.review.context import render_user_message
from architect_tui.review.followup import applied_code, sent_files
from architect_tui.review.model import (
    Failed,
    Finished,
    Review,
    ReviewEvent,
    ReviewRequest,
    TextDelta,
    Usage,
    UsageUpdate,
)
from architect_tui.review.parse import parse_answer
from architect_tui.review.redact import flag_redacted_changes

EPHEMERAL = {"type": "ephemeral"}


class Conversation:
    """A review and its follow-ups: the history, the usage so far, the last review."""

    def __init__(self, request: ReviewRequest, settings: Settings) -> None:
        self.request = request
        self.settings = settings
        self.messages: list[dict[str, Any]] = list(request.history)
        self.usage = Usage()  # every turn of this conversation, summed
        self.reviews: list[Review] = []
        self.started_at: float | None = None
        self.duration: float | None = None
        self._pending: dict[str, Any] | None = None  # the user turn in flight (for retry)
        self._sent: dict[str, str] = {}  # file -> its text when the model last saw it

    @property
    def last_review(self) -> Review | None:
        return self.reviews[-1] if self.reviews else None

    def start(self) -> AsyncIterator[ReviewEvent]:
        """The review itself: the rendered request as the first user turn (cached)."""
        self._sent = sent_files(self.request)
        content = [
            {"type": "text", "text": render_user_message(self.request), "cache_control": EPHEMERAL}
        ]
        return self._turn({"role": "user", "content": content})

    def follow_up(self, question: str) -> AsyncIterator[ReviewEvent]:
        """Ask about the answer so far; the history goes with it."""
        text = (
            f"{question.strip()}\n\n(Keep the answer format; propose code only as unified diffs "
            "against the current files.)"
        )
        applied = applied_code(self.request, self._sent)
        if applied:  # an apply (or an edit) since the last turn: the model sees the code now
            self._sent = sent_files(self.request)
            text = f"{applied}\n\n{text}"
        return self._turn({"role": "user", "content": [{"type": "text", "text": text}]})

    def retry(self) -> AsyncIterator[ReviewEvent]:
        """Send the last user turn again (after a cut stream, a timeout, an overload)."""
        if self._pending is None:
            raise RuntimeError("nothing to retry")
        return self._turn(self._pending)

    async def _turn(self, user_turn: dict[str, Any]) -> AsyncIterator[ReviewEvent]:
        self._pending = user_turn
        self.started_at = time.time()
        began = time.monotonic()
        messages = [*self.messages, user_turn]
        request = self.request
        system = system_blocks(request.system, request.overview, request.instructions)
        text: list[str] = []
        usage = Usage()
        # aclosing: when our caller closes or cancels us, the HTTP stream closes now, not at GC.
        async with aclosing(stream_answer(self.settings, system, messages)) as events:
            async for event in events:
                if isinstance(event, TextDelta):
                    text.append(event.text)
                    yield event
                elif isinstance(event, UsageUpdate):
                    usage = event.usage
                    yield event
                elif isinstance(event, StreamEnd):
                    self.duration = time.monotonic() - began
                    review = self._review(event.text, event.usage, event.stop_reason, event.model)
                    self.usage = self.usage + event.usage
                    if event.stop_reason == "refusal":
                        yield Failed(
                            "refused",
                            "The model declined to answer this request.",
                            partial=review,
                        )
                        return
                    said = event.text or "(no answer)"  # the API refuses empty text blocks
                    self.messages = [
                        *messages,
                        {"role": "assistant", "content": [{"type": "text", "text": said}]},
                    ]
                    self._pending = None
                    self.reviews.append(review)
                    yield Finished(review)
                    return
                elif isinstance(event, Failed):
                    self.duration = time.monotonic() - began
                    partial = None
                    if text:
                        partial = self._review("".join(text), usage, None, self.settings.model)
                        partial.incomplete = True
                        self.usage = self.usage + usage
                    yield replace(event, partial=partial)
                    return
                else:
                    yield event

    def _review(self, text: str, usage: Usage, stop_reason: str | None, model: str) -> Review:
        incomplete = stop_reason not in {"end_turn", "stop_sequence", None}
        if stop_reason is None:  # a stream that ended without saying why
            incomplete = True
        answer = parse_answer(text, incomplete=incomplete)
        changes, cut = answer.changes, answer.dropped_unfinished
        root = self.request.root
        if root is not None:  # the one extraction the changes view and `architect apply` use
            patch = extract_answer(text, root, incomplete=incomplete)
            changes, cut = render_patch(patch, root), has_cut_hunk(patch)
        review = Review(
            target=self.request.target,
            model=model,
            lens=self.request.lens,
            markdown=text,
            findings=answer.findings,
            changes=changes,
            usage=usage,
            incomplete=incomplete,
            stop_reason=stop_reason,
            context_files=sorted({p.file for p in self.request.pieces if p.file and p.included}),
        )
        review.warnings = flag_redacted_changes(changes, self.request.redactions)
        if cut:
            review.warnings.append(
                "The answer was cut inside a proposed change; that change is not offered."
            )
        return review


def run_review(request: ReviewRequest, settings: Settings) -> AsyncIterator[ReviewEvent]:
    """Stream one fresh review of ``request`` (no history beyond ``request.history``)."""
    return Conversation(request, settings).start()
