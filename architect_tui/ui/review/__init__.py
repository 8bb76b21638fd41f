"""The review's widgets and screens: the streamed panel, the context, ask, lens and history
screens. They take plain core values (events, requests, records) and post messages up; the main
app wires them to the engine.
"""

from __future__ import annotations

from architect_tui.ui.review.panel import EventSource, EventStream, ReviewPanel

__all__ = ["EventSource", "EventStream", "ReviewPanel"]
