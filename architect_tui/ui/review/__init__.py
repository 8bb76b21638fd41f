"""The review's widgets and screens: the streamed panel, the context, ask, lens and history
screens. They take plain core values (events, requests, records) and post messages up; the
screen that owns them wires them to the engine, usually through ``ReviewSession``.

Wiring, as ``ui/screens/review_flow.py`` (``ReviewFlow``, the main screen's review flow) does it
(``build_request`` parses files: run it in a thread)::

    self.session = ReviewSession(root, load_settings(root))
    panel = ReviewPanel(empty_text="Select a route and press R (or A to ask).")
    await container.mount(panel)

    @work(exclusive=True, group="review-setup")
    async def action_review(self, ask: str | None = None) -> None:
        lens = await self.app.push_screen_wait(LensScreen(current=self.lens))  # optional
        request = await asyncio.to_thread(
            build_request, project, selection, settings, lens=lens or "full", ask=ask
        )
        chosen = await self.app.push_screen_wait(ContextScreen(request))
        if chosen is not None:
            self.session.start(panel, apply_choice(request, chosen), local=local_review)

    # A: question = await push_screen_wait(AskScreen(selection.label)); then as above, ask=question
    # history: rec = await push_screen_wait(HistoryScreen(list_reviews(root)))
    #          if rec: await panel.show_review(load_review(rec))

    on ReviewPanel.FindingSelected  -> self.show_code(m.file, m.line, None)
    on ReviewPanel.ChangesRequested -> open the changes view on m.review.changes
    on ReviewPanel.FollowUp         -> self.session.follow_up(panel, m.text)
    on ReviewPanel.Completed        -> self.session.completed(m.review, m.question) (None: notify)
    on ReviewPanel.ReviewFailed     -> self.session.failed(m.failure, m.question)
    on ReviewPanel.OfflineRequested -> self.session.offline(panel, lambda: offline_review(...),
                                                           target=..., lens=...)
    Esc while focus is outside the panel: call panel.cancel_review() first.
"""

from __future__ import annotations

from architect_tui.ui.review.ask_screen import AskScreen
from architect_tui.ui.review.context_screen import ContextScreen
from architect_tui.ui.review.history_screen import HistoryEntry, HistoryRecord, HistoryScreen
from architect_tui.ui.review.lens import LENSES, LensScreen, LensSelect
from architect_tui.ui.review.panel import EventSource, EventStream, ReviewPanel
from architect_tui.ui.review.session import ReviewSession, apply_choice
from architect_tui.ui.review.sources import threaded_review

__all__ = [
    "LENSES",
    "AskScreen",
    "ContextScreen",
    "EventSource",
    "EventStream",
    "HistoryEntry",
    "HistoryRecord",
    "HistoryScreen",
    "LensScreen",
    "LensSelect",
    "ReviewPanel",
    "ReviewSession",
    "apply_choice",
    "threaded_review",
]
