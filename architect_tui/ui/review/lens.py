"""Choosing a review lens: which angle the architect takes (security, REST, database, ...).

The names are the prompt files in ``prompts/lenses/``; a project may add its own, so the widget
takes the list it is given and only describes the lenses it knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from architect_tui.ui.review._css import sibling_tcss

LENSES: dict[str, str] = {
    "full": "everything a senior reviewer would raise",
    "security": "authn/authz, injection, XSS, CSRF, CORS, secrets",
    "rest": "methods, status codes, error bodies, versioning, pagination",
    "database": "sessions, transactions, N+1, indexes, migrations",
    "errors": "exceptions, error handlers, structured logging",
    "structure": "factories, blueprints, layering, import cycles",
    "tests": "writes pytest tests with fixtures and the test client",
    "performance": "profiling, caching, background work, statelessness",
}
"""The built-in lenses, in menu order, with a one-line description each."""


def lens_prompt(name: str) -> Content:
    """``security   authn/authz, ...``: the name, then its description when known."""
    description = LENSES.get(name, "a project lens (.architect/prompts/lenses)")
    return Content.assemble((f"{name:<12}", "bold"), (description, "$text-muted"))


class LensSelect(OptionList):
    """The lenses as a list; choosing one posts ``LensSelect.Chosen``."""

    DEFAULT_CSS = sibling_tcss(__file__)

    @dataclass
    class Chosen(Message):
        """The user picked ``lens``."""

        lens_select: LensSelect
        lens: str

        @property
        def control(self) -> LensSelect:
            return self.lens_select

    def __init__(
        self, lenses: Sequence[str] | None = None, *, current: str = "full", id: str | None = None
    ) -> None:
        names = list(lenses) if lenses else list(LENSES)
        extra = sorted(set(names) - set(LENSES))
        self.lenses = [n for n in LENSES if n in names] + extra
        super().__init__(*(Option(lens_prompt(n), id=n) for n in self.lenses), id=id)
        if current in self.lenses:
            self.highlighted = self.lenses.index(current)

    @property
    def lens(self) -> str | None:
        """The highlighted lens."""
        if self.highlighted is None:
            return None
        return self.lenses[self.highlighted]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.lenses[event.option_index]))


class LensScreen(ModalScreen[str | None]):
    """Pick the lens for the next review: enter chooses, esc keeps the current one."""

    CSS_PATH = "lens_screen.tcss"
    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="lens.cancel",
            tooltip="Close without changing the lens.",
        ),
    ]

    def __init__(self, lenses: Sequence[str] | None = None, current: str = "full") -> None:
        super().__init__()
        self._lenses = lenses
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="lens-dialog"):
            yield Label("Review lens", id="lens-title")
            yield LensSelect(self._lenses, current=self._current, id="lens-select")

    def on_mount(self) -> None:
        self.query_one(LensSelect).focus()

    @on(LensSelect.Chosen)
    def _chosen(self, event: LensSelect.Chosen) -> None:
        self.dismiss(event.lens)

    def action_cancel(self) -> None:
        self.dismiss(None)
