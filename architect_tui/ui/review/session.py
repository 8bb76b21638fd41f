"""The glue between the review engine, the store and one review panel, for the screen that owns
them: a new review makes a new ``Conversation``, a follow-up continues it, every finished answer
is saved under ``.architect/reviews/``, and the session's usage and cost are summed.

It is not a widget: the screen forwards the panel's messages (``FollowUp``, ``Completed``) to it,
so the screen stays the one place that decides what a key does.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from textual.worker import Worker

from architect_tui.config import Settings
from architect_tui.review.engine import Conversation
from architect_tui.review.model import Failed, Review, ReviewRequest
from architect_tui.review.pricing import SessionTotals
from architect_tui.review.store import SavedReview, save_review
from architect_tui.ui.review.panel import ReviewPanel
from architect_tui.ui.review.sources import threaded_review


def apply_choice(request: ReviewRequest, chosen: Collection[str]) -> ReviewRequest:
    """Tick exactly the ``chosen`` pieces (what ``ContextScreen`` returned); the required ones
    (the selection, its facts) are always sent."""
    for piece in request.pieces:
        piece.included = piece.required or piece.id in chosen
    return request


@dataclass
class ReviewSession:
    """One project's reviews in the TUI: the current conversation and what it cost so far."""

    root: Path
    settings: Settings
    conversation: Conversation | None = None
    totals: SessionTotals = field(default_factory=SessionTotals)
    saved: list[SavedReview] = field(default_factory=list)

    def start(
        self, panel: ReviewPanel, request: ReviewRequest, *, local: Review | None = None
    ) -> Worker[None]:
        """A fresh review (or ask) of ``request``: the panel starts over."""
        conversation = Conversation(request, self.settings)
        self.conversation = conversation
        return panel.start_review(
            conversation.start,
            target=request.target,
            model=self.settings.model,
            lens=request.lens,
            local=local,
        )

    def follow_up(self, panel: ReviewPanel, question: str) -> Worker[None] | None:
        """The next turn of the current conversation; None when there is none to continue
        (an offline review or a reopened saved one)."""
        conversation = self.conversation
        if conversation is None:
            return None
        return panel.continue_review(lambda: conversation.follow_up(question), question)

    def offline(
        self, panel: ReviewPanel, make: Callable[[], Review], *, target: str, lens: str
    ) -> Worker[None]:
        """The offline rules' review, run in a thread; it has no conversation to follow up."""
        self.conversation = None
        return panel.start_review(threaded_review(make), target=target, model="offline", lens=lens)

    def completed(self, review: Review, question: str | None = None) -> SavedReview | None:
        """Count and save a finished answer; None (and nothing counted twice) if saving failed.

        Raises nothing: a full disk must not take the review off the screen. The caller
        notifies the user when None comes back.
        """
        if review.usage is not None and review.source == "llm":
            self.totals.add(review.model, review.usage)
        conversation = self.conversation
        request = conversation.request if conversation is not None else None
        try:
            saved = save_review(
                self.root,
                review,
                selection=request.selection if request is not None else None,
                ask=question or (request.ask if request is not None else None),
                started_at=conversation.started_at if conversation is not None else None,
                duration=conversation.duration if conversation is not None else None,
            )
        except OSError:
            return None
        self.saved.append(saved)
        return saved

    def failed(self, failure: Failed, question: str | None = None) -> SavedReview | None:
        """Save what arrived before a failure (marked incomplete), so a cut answer is not lost."""
        if failure.partial is None or not failure.partial.markdown.strip():
            return None
        return self.completed(failure.partial, question)
