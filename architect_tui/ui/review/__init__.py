"""The review's widgets and screens: the streamed panel, the context, ask, lens and history
screens. They take plain core values (events, requests, records) and post messages up; the main
app wires them to the engine.
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
