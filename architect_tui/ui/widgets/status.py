"""The status line: what is selected for review, its size in lines and estimated tokens, and what
the app is doing (reading, filtering)."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from architect_tui.analysis.selection import Selection
from architect_tui.ui.facts import SelectionSize

_KIND_NAMES = {"route": "route", "blueprint": "blueprint", "file": "file", "range": "lines"}


def describe_selection(selection: Selection | None, size: SelectionSize | None) -> str:
    """``route auth.login · shop/auth/views.py:20-41 · 22 lines · ≈ 180 tokens``."""
    if selection is None:
        return "nothing selected: pick a route, a blueprint, a file or mark lines with v"
    parts = [f"[b]{_KIND_NAMES[selection.kind]}[/b] {escape(selection.label)}"]
    if selection.kind in {"route", "blueprint"}:
        where = selection.file
        if selection.start is not None:
            where += f":{selection.start}-{selection.end}"
        parts.append(escape(where))
    if size is not None:
        parts.append(f"{size.lines} line{'s' if size.lines != 1 else ''}")
        parts.append(f"≈ {size.tokens:,} tokens")
    return " · ".join(parts)


class StatusLine(Horizontal):
    """One line at the bottom; the screen calls ``set_selection`` and sets ``activity``."""

    activity: reactive[str] = reactive("", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection: Selection | None = None
        self.selection_size: SelectionSize | None = None

    def compose(self) -> ComposeResult:
        yield Label(describe_selection(None, None), id="status-selection")
        yield Label("", id="status-activity")

    def set_selection(self, selection: Selection | None, size: SelectionSize | None) -> None:
        self.selection = selection
        self.selection_size = size
        self.query_one("#status-selection", Label).update(describe_selection(selection, size))

    def watch_activity(self, activity: str) -> None:
        self.query_one("#status-activity", Label).update(activity)
