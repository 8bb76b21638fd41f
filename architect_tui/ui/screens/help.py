"""The keys screen (``?``): every binding with what it does, generated from the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from architect_tui.ui.keys import key_rows


def keys_table() -> Table:
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Key", no_wrap=True, style="bold")
    table.add_column("What it does", ratio=1)
    section = None
    for row in key_rows():
        if row.section != section:
            if section is not None:
                table.add_row("", "")
            section = row.section
            table.add_row(f"[u]{section}[/u]", "")
        table.add_row(row.key, row.tooltip or row.description)
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of the keys; any of ``esc``, ``?`` or ``q`` closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,q",
            "close",
            "Close",
            id="help.close",
            tooltip="Close the keys screen",
        ),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "esc to close"
            yield Static(keys_table(), id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)
