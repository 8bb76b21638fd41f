"""ArchitectApp: the screens, the theme, the command palette and the global keys. Nothing else:
the main screen owns the project and the widgets."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from architect_tui.ui.changemode.review import ChangeModeCommands
from architect_tui.ui.commands import ProjectCommands
from architect_tui.ui.project_io import GitProbe, ProjectReader, default_reader, git_summary
from architect_tui.ui.screens.help import HelpScreen
from architect_tui.ui.screens.main import MAIN_CSS, MainScreen


class ArchitectApp(App[None]):
    """``architect [PATH]``.

    ``reader`` and ``git_probe`` are the blocking calls the main screen runs in thread workers;
    tests and snapshots pass their own so they do not depend on the machine's git state.
    ``cursor_blink=False`` makes screenshots deterministic.
    """

    TITLE = "architect"
    # The default screen's CSS_PATH is not loaded by Textual (only pushed screens' are).
    CSS_PATH = MAIN_CSS
    COMMANDS = App.COMMANDS | {ProjectCommands, ChangeModeCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave architect"),
        Binding(
            "question_mark",
            "help",
            "Keys",
            id="app.help",
            tooltip="Show every key and what it does",
        ),
    ]

    def __init__(
        self,
        root: Path,
        *,
        reader: ProjectReader | None = None,
        git_probe: GitProbe | None = None,
        cursor_blink: bool = True,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.root = root
        self._reader = reader or default_reader
        self._git_probe = git_probe or git_summary
        self._cursor_blink = cursor_blink
        if theme is not None:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        return MainScreen(
            self.root,
            reader=self._reader,
            git_probe=self._git_probe,
            cursor_blink=self._cursor_blink,
        )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
