"""What will be sent: the pieces of context the review request carries, each one toggleable.

The user sees every piece (what, where, how many tokens, why it was included), the total against
the budget and how many secrets were replaced, and sends only what they keep. The screen returns
the chosen piece ids (or None on cancel); building the trimmed request is the core's job.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from architect_tui.review.model import ContextPiece, ReviewRequest
from architect_tui.review.tokens import estimate_tokens


def piece_location(piece: ContextPiece) -> str:
    """``shop/views.py:12-40``, ``shop/views.py`` or empty for a piece with no file."""
    if not piece.file:
        return ""
    if piece.start is None:
        return piece.file
    if piece.end is None or piece.end == piece.start:
        return f"{piece.file}:{piece.start}"
    return f"{piece.file}:{piece.start}-{piece.end}"


def piece_prompt(piece: ContextPiece) -> Content:
    """One row: title, location, tokens, then why it is there (and "always sent" if required)."""
    reason = f"{piece.reason} (always sent)" if piece.required else piece.reason
    return Content.assemble(
        (piece.title, "bold"),
        (f"  {piece_location(piece)}", "$text-primary"),
        (f"  {piece.tokens:,} tok", "$text-muted"),
        (f"  {reason}", "italic $text-muted"),
    )


def redaction_note(count: int) -> str:
    """How many likely secrets were swapped for placeholders before anything leaves the machine."""
    if count == 0:
        return "No secrets found in the selected code."
    noun = "secret" if count == 1 else "secrets"
    return f"{count} {noun} replaced with placeholders."


class ContextScreen(ModalScreen[set[str] | None]):
    """Toggle the context pieces, then send (enter) or cancel (esc)."""

    CSS_PATH = "context_screen.tcss"
    # Under 34 rows (an 80x24 terminal) the list shrinks and the margins go, so the total,
    # the redactions and the buttons stay on screen.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding(
            "enter",
            "send",
            "Send",
            id="context.send",
            tooltip="Send the review request with the ticked pieces.",
            priority=True,
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="context.cancel",
            tooltip="Close without sending anything.",
        ),
        Binding(
            "a",
            "toggle_all",
            "All/none",
            id="context.toggle_all",
            tooltip="Tick every optional piece, or untick them all when all are ticked.",
        ),
    ]

    def __init__(self, request: ReviewRequest) -> None:
        super().__init__()
        self.request = request
        self.pieces = list(request.pieces)
        self.budget = request.budget
        self.required = {p.id for p in self.pieces if p.required}
        # the prompts and the project overview are always sent; shown apart from the pieces
        self.fixed_tokens = (
            estimate_tokens(request.system)
            + estimate_tokens(request.overview)
            + estimate_tokens(request.instructions)
        )

    def compose(self) -> ComposeResult:
        request = self.request
        with Vertical(id="context-dialog"):
            kind = "Ask" if request.ask else "Review"
            yield Label(f"{kind} {request.target} · lens {request.lens}", id="context-title")
            yield SelectionList[str](
                *(
                    Selection(piece_prompt(p), p.id, p.included or p.required, disabled=p.required)
                    for p in self.pieces
                ),
                id="context-pieces",
            )
            yield Static(id="context-total")
            yield Static(redaction_note(len(request.redactions)), id="context-redactions")
            if request.skipped_files:
                skipped = ", ".join(request.skipped_files)
                yield Static(f"Never sent (look like secrets): {skipped}", id="context-skipped")
            yield Static(
                "space ticks/unticks · a all/none · enter sends · esc cancels", id="context-keys"
            )
            with Horizontal(id="context-buttons"):
                yield Button("Send", variant="primary", id="context-send", compact=True)
                yield Button("Cancel", id="context-cancel", compact=True)

    def on_mount(self) -> None:
        self._update_total()
        self.query_one(SelectionList).focus()

    @property
    def chosen(self) -> set[str]:
        """The ids of the ticked pieces (the required ones always among them)."""
        return set(self.query_one("#context-pieces", SelectionList).selected) | self.required

    @property
    def optional_tokens(self) -> int:
        """Tokens of the ticked optional pieces: what the budget limits."""
        chosen = self.chosen
        return sum(p.tokens for p in self.pieces if p.id in chosen and not p.required)

    @property
    def total_tokens(self) -> int:
        """Everything that would be sent: prompts, overview and every ticked piece."""
        chosen = self.chosen
        return self.fixed_tokens + sum(p.tokens for p in self.pieces if p.id in chosen)

    @property
    def total_text(self) -> str:
        """The line under the list, as the user reads it."""
        return str(self.query_one("#context-total", Static).render())

    def _update_total(self) -> None:
        optional = self.optional_tokens
        over = optional > self.budget
        text = (
            f"Related code {optional:,} of {self.budget:,} tokens · "
            f"{len(self.chosen)} of {len(self.pieces)} pieces · "
            f"~{self.total_tokens:,} tokens sent in all"
        )
        if over:
            text += " — over the budget: untick some pieces"
        total = self.query_one("#context-total", Static)
        total.update(text)
        total.set_class(over, "-over")

    @on(SelectionList.SelectedChanged)
    def _toggled(self) -> None:
        self._update_total()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # enter on a focused button presses that button (Cancel stays Cancel)
        return not (action == "send" and isinstance(self.focused, Button))

    def action_send(self) -> None:
        self.dismiss(self.chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_toggle_all(self) -> None:
        pieces = self.query_one("#context-pieces", SelectionList)
        optional = [p.id for p in self.pieces if not p.required]
        chosen = self.chosen
        tick = not all(piece_id in chosen for piece_id in optional)
        for piece_id in optional:
            if tick:
                pieces.select(piece_id)
            else:
                pieces.deselect(piece_id)

    @on(Button.Pressed, "#context-send")
    def _send_pressed(self) -> None:
        self.action_send()

    @on(Button.Pressed, "#context-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
