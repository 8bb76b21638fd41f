"""Ask the architect: a question or a change request about the selection, in the user's words.

It returns the text (or None on cancel); the owner builds the same context as a review and runs
it with the question, so the answer and any proposed changes land in the review panel.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

EXAMPLES = (
    "e.g. “add a registration endpoint with email verification to this blueprint”, "
    "“how should JWT refresh and revocation work here?”, "
    "“move this view's SQL into a service”"
)


class AskScreen(ModalScreen[str | None]):
    """One input; enter asks, esc cancels. An empty question is not sent."""

    CSS_PATH = "ask_screen.tcss"
    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="ask.cancel",
            tooltip="Close without asking.",
        ),
    ]

    def __init__(self, target: str = "", initial: str = "") -> None:
        super().__init__()
        self.target = target
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-dialog"):
            about = f" about {self.target}" if self.target else ""
            yield Label(f"Ask the architect{about}", id="ask-title")
            yield Input(
                self.initial,
                placeholder="A question or a change request…",
                id="ask-input",
            )
            yield Static(EXAMPLES, id="ask-examples")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#ask-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(text)
        else:
            self.query_one("#ask-examples", Static).add_class("-nudge")

    def action_cancel(self) -> None:
        self.dismiss(None)
