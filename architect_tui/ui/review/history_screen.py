"""The saved reviews of this project, newest first; choosing one returns its record.

Records come from the core's review store (``architect_tui.review.store.list_reviews`` gives
``SavedReview`` values); the owner loads the chosen one (``load_review``) and calls
``ReviewPanel.show_review``. The screen reads only the fields of ``HistoryRecord``, so a plain
``HistoryEntry`` works too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option


class HistoryRecord(Protocol):
    """What the history list shows of a saved review."""

    @property
    def created(self) -> datetime | str: ...
    @property
    def target(self) -> str: ...
    @property
    def model(self) -> str: ...
    @property
    def lens(self) -> str: ...
    @property
    def findings(self) -> int: ...
    @property
    def incomplete(self) -> bool: ...
    @property
    def ask(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A minimal record, for callers that have no store record at hand."""

    created: datetime | str
    target: str
    model: str
    lens: str
    findings: int
    incomplete: bool = False
    ask: str | None = None
    key: str = ""  # whatever the owner needs to load it again (a path, an id)


RecordT = TypeVar("RecordT", bound=HistoryRecord)


def _when(value: datetime | str) -> str:
    """Minutes are enough to tell reviews apart; the store writes ISO 8601 in UTC."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value).replace("T", " ")[:16]


def record_prompt(record: HistoryRecord) -> Content:
    """``2026-11-26 10:12  auth.login  claude-sonnet-5-5  security  4 findings``."""
    count = record.findings
    noun = "finding" if count == 1 else "findings"
    parts: list[str | tuple[str, str]] = [
        (f"{_when(record.created):<17}", "$text-muted"),
        (record.target, "bold"),
        (f"  {record.model}", "$text-primary"),
        (f"  {record.lens}", "italic"),
        (f"  {count} {noun}", "$text-muted"),
    ]
    if record.ask:
        question = record.ask if len(record.ask) <= 40 else record.ask[:39] + "…"
        parts.append((f"  ask: {question}", "italic $text-muted"))
    if record.incomplete:
        parts.append(("  incomplete", "$text-warning"))
    return Content.assemble(*parts)


class HistoryScreen(ModalScreen[RecordT | None], Generic[RecordT]):
    """Enter reopens the highlighted review; esc closes."""

    CSS_PATH = "history_screen.tcss"
    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Close",
            id="history.close",
            tooltip="Close the history without opening a review.",
        ),
    ]

    def __init__(self, records: Sequence[RecordT]) -> None:
        super().__init__()
        self.records: list[RecordT] = sorted(records, key=lambda r: _when(r.created), reverse=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="history-dialog"):
            yield Label("Saved reviews", id="history-title")
            if self.records:
                yield OptionList(
                    *(Option(record_prompt(r), id=f"r{i}") for i, r in enumerate(self.records)),
                    id="history-list",
                )
            else:
                yield Static(
                    "No saved reviews yet. Every review is kept in .architect/reviews/.",
                    id="history-empty",
                )

    def on_mount(self) -> None:
        for options in self.query(OptionList):
            options.focus()

    @on(OptionList.OptionSelected, "#history-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.records[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
