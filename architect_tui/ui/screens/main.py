"""The main screen: the map (or files) on the left, the code in the centre, details beside or
below it, the status line and the footer. It owns the project: it reads it in a thread worker,
hands pieces of it down to the widgets, and turns their messages into the current ``Selection``.

The review, ask, changes, history and undo keys delegate to ``ReviewFlow``
(``screens/review_flow.py``), a widget mounted in the centre column on first use; the section at
the end is that seam.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, Input
from textual.worker import get_current_worker

from architect_tui.analysis.model import Blueprint, ProjectMap, Route
from architect_tui.analysis.selection import (
    Selection,
    TargetError,
    blueprint_selection,
    file_selection,
    route_selection,
)
from architect_tui.ui.commands import JumpTarget, jump_targets
from architect_tui.ui.editor import editor_command, find_editor
from architect_tui.ui.facts import selection_size
from architect_tui.ui.project_io import (
    GitProbe,
    ProjectReader,
    ReadCancelled,
    read_text,
    scan_python_files,
)
from architect_tui.ui.widgets.code_view import CodeView
from architect_tui.ui.widgets.details import (
    DetailsPanel,
    Jump,
    app_facts,
    blueprint_facts,
    diagnostic_facts,
    file_facts,
    route_facts,
)
from architect_tui.ui.widgets.empty_state import EmptyState
from architect_tui.ui.widgets.files_tree import FilesTree
from architect_tui.ui.widgets.map_tree import MapTree
from architect_tui.ui.widgets.status import StatusLine

if TYPE_CHECKING:  # imported on first use: the review modules are not on the first frame's path
    from architect_tui.ui.screens.review_flow import ReviewFlow

_HERE = Path(__file__).parent
#: The main screen's styles, one file per region. The app loads them at start (the main screen
#: is its default screen), so they are absolute paths usable from either class.
MAIN_CSS: list[str | Path] = [
    _HERE / "main.tcss",
    _HERE.parent / "widgets" / "map_tree.tcss",
    _HERE.parent / "widgets" / "code_view.tcss",
    _HERE.parent / "widgets" / "details.tcss",
    _HERE.parent / "widgets" / "status.tcss",
    _HERE / "review_flow.tcss",
]


#: The review flow's keys share one footer entry ("R A c H u p Review") so the footer fits 80
#: columns; each key keeps its own tooltip, and the ? screen lists them one by one.
REVIEW_KEYS = Binding.Group("Review")

#: Below this width the map and a docked review take turns (the review hides the map).
NARROW = 100


def _is_empty(project: ProjectMap) -> bool:
    return not (project.apps or project.blueprints or project.routes)


class MainScreen(Screen[None]):
    """See the module docstring."""

    CSS_PATH: ClassVar[list[str | Path]] = MAIN_CSS
    AUTO_FOCUS = "#map"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-narrow"),
        (NARROW, "-medium"),
        (150, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "filter",
            "Filter",
            id="main.filter",
            tooltip="Narrow the map (or the files) as you type: rule, endpoint, blueprint, file",
        ),
        Binding(
            "t",
            "toggle_files",
            "Files",
            id="main.toggle_files",
            tooltip="Switch between the route map and the tree of Python files",
        ),
        Binding(
            "e",
            "open_editor",
            "Edit",
            id="main.editor",
            tooltip="Open $EDITOR at this line (the app waits until you close it)",
        ),
        Binding(
            "r",
            "retry_review",
            "Retry",
            id="main.retry",
            tooltip="While a review's card offers it: run the failed, cut or cancelled request "
            "again (wherever the focus is)",
        ),
        Binding(
            "o",
            "offline_review",
            "Offline",
            id="main.offline",
            tooltip="While a review's card offers it: review with the local rules instead",
        ),
        Binding(
            "r",
            "reread",
            "Re-read",
            id="main.reread",
            tooltip="Read the project again, picking up files changed on disk",
        ),
        Binding(
            "R",
            "review",
            "Review",
            id="main.review",
            tooltip="Ask the architect to review the selection",
            group=REVIEW_KEYS,
        ),
        Binding(
            "A",
            "ask",
            "Ask",
            id="main.ask",
            tooltip="Ask the architect a question or a change about the selection",
            group=REVIEW_KEYS,
        ),
        Binding(
            "c",
            "changes",
            "Changes",
            id="main.changes",
            tooltip="Show the changes proposed by the last review",
            group=REVIEW_KEYS,
        ),
        Binding(
            "H",
            "history",
            "History",
            id="main.history",
            tooltip="Reopen a saved review of this project in the review panel",
            group=REVIEW_KEYS,
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            id="main.undo",
            tooltip="Undo the latest apply: its files come back byte for byte",
            group=REVIEW_KEYS,
        ),
        Binding(
            "p",
            "review_panel",
            "Panel",
            id="main.review_panel",
            tooltip="Review panel: docked, maximised, hidden (in turn)",
            group=REVIEW_KEYS,
        ),
        Binding(
            "d",
            "change_mode",
            "Changed",
            show=False,
            id="main.change_mode",
            tooltip="Changes mode: only the routes git says changed since HEAD, with their diffs",
        ),
        Binding(
            "f",
            "follow_up",
            "Follow up",
            id="main.follow_up",
            tooltip="Move into the review panel's input to ask a follow-up (esc leaves it)",
            group=REVIEW_KEYS,
        ),
        Binding(
            "escape",
            "cancel_review",
            "Stop",
            show=False,
            priority=True,
            id="main.cancel_review",
            tooltip="Stop the running review, wherever the focus is; the text so far is kept",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            id="main.back",
            tooltip="Clear the filter and go back to the map (and to where you were)",
        ),
    ]

    # ---- messages (posted by this screen's workers, and the selection for other pieces) ------

    @dataclass
    class ProjectRead(Message):
        """The reader finished."""

        project: ProjectMap
        files: list[str]
        seconds: float
        reread: bool

    @dataclass
    class ProjectReadFailed(Message):
        """The reader raised; the files tree still works from a plain scan."""

        error: str
        files: list[str]

    @dataclass
    class GitRead(Message):
        summary: str

    @dataclass
    class SelectionChanged(Message):
        """What a review would be about changed (for the review panel)."""

        selection: Selection | None

    # ---- widgets -----------------------------------------------------------------------------

    map_tree = getters.query_one("#map", MapTree)
    files_tree = getters.query_one("#files", FilesTree)
    code_view = getters.query_one("#code", CodeView)
    details = getters.query_one("#details", DetailsPanel)
    status = getters.query_one("#status", StatusLine)
    filter_input = getters.query_one("#filter", Input)
    switcher = getters.query_one("#left-switcher", ContentSwitcher)
    empty_state = getters.query_one("#empty", EmptyState)

    def __init__(
        self,
        root: Path,
        *,
        reader: ProjectReader,
        git_probe: GitProbe,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.root = root
        self._reader = reader
        self._git_probe = git_probe
        self._cursor_blink = cursor_blink
        self.project: ProjectMap | None = None
        self.files: list[str] = []
        self.selection: Selection | None = None
        self.left_mode = "map"  # "map" or "files"
        self.reading = False
        self._base_selection: Selection | None = None  # the last non-range selection
        self._texts: dict[str, str | None] = {}
        self._pending: JumpTarget | None = None
        self._pending_focus = False  # the pending reveal also takes the focus (a palette jump)
        # what the user was on when the filter opened: esc from the filter goes back to it
        self._before_filter: tuple[Selection | None, Widget | None] | None = None
        self._map_ready = False  # the map tree holds the current project
        self._warmed_up = False  # the review SDK import was started
        self._counts: tuple[int, int, int] | None = None  # routes, blueprints, files
        self._matching: int | None = None  # routes the filter lets through (None: no filter)
        self._map_key: tuple[int, str] | None = None  # what the map tree shows: (project, query)
        self._files_key: tuple[int, str] | None = None  # what the files tree shows
        self._review_flow: ReviewFlow | None = None  # docked on the first R / A / H
        self.title = f"architect · {root.name or root}"
        self.sub_title = "…"

    def compose(self) -> ComposeResult:
        yield Header(icon="◇")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Input(
                    placeholder="/ filter  rule, endpoint, blueprint, file",
                    id="filter",
                    compact=True,
                )
                with ContentSwitcher(initial="map", id="left-switcher"):
                    yield MapTree(id="map")
                    yield EmptyState(id="empty")
                    yield FilesTree(id="files")
            with Vertical(id="centre"):
                yield CodeView(id="code", cursor_blink=self._cursor_blink)
                yield DetailsPanel(id="details")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.filter_input.cursor_blink = self._cursor_blink
        self.code_view.placeholder = "Reading the project…"
        self.details.border_title = "Details"
        self.map_tree.border_title = "Map"
        self.files_tree.border_title = "Files"
        self.empty_state.border_title = "Map"
        self.empty_state.update(f"Reading {self.root}…")
        self.switcher.current = "empty"
        # Paint first, then read: the reader must not compete with the first frame.
        self.call_after_refresh(self.start_read, reread=False)
        self.call_after_refresh(self.read_git)
        # The SDK warm-up (import anthropic, ~1 s holding the GIL in bursts) waits until the map
        # is on screen: in a thread it still stalls the event loop by up to a few hundred ms.

    @property
    def narrow(self) -> bool:
        """Below 100 columns the panes take turns (see main.tcss)."""
        return self.size.width < NARROW

    def on_resize(self) -> None:
        # A compact footer fits more keys below 140 columns.
        self.query_one(Footer).compact = self.size.width < 140
        self.map_tree.compact = self.narrow
        self._show_summary()

    # ---- reading -----------------------------------------------------------------------------

    def start_read(self, *, reread: bool) -> None:
        self.reading = True
        self.status.activity = "re-reading…" if reread else "reading the project…"
        self.read_project(reread)

    @work(thread=True, exclusive=True, exit_on_error=False, group="read")
    def read_project(self, reread: bool) -> None:
        """Run the static reader off the event loop and post what it found."""
        worker = get_current_worker()
        started = perf_counter()
        try:
            project = self._reader(self.root, True)
        except ReadCancelled:
            return
        except Exception as error:  # the reader failing must not take the UI down
            files = scan_python_files(self.root)
            if not worker.is_cancelled:
                self.post_message(self.ProjectReadFailed(f"{type(error).__name__}: {error}", files))
            return
        files = list(project.files) or scan_python_files(self.root)
        if not worker.is_cancelled:
            self.post_message(self.ProjectRead(project, files, perf_counter() - started, reread))

    @work(thread=True, exclusive=True, exit_on_error=False, group="git")
    def read_git(self) -> None:
        self.post_message(self.GitRead(self._git_probe(self.root)))

    @on(GitRead)
    def _git_read(self, message: GitRead) -> None:
        self.sub_title = message.summary

    @on(ProjectRead)
    def _project_read(self, message: ProjectRead) -> None:
        project = message.project
        self.project = project
        self.files = message.files
        self._texts.clear()
        self.reading = False
        self.code_view.placeholder = "Pick a route, a blueprint or a file on the left."
        if message.reread and self.selection is not None:
            self._pending = self._target_for(self.selection)
            self._pending_focus = False  # a re-read (after an apply, an edit) keeps the focus
        if _is_empty(project):
            self.empty_state.show(self.root, len(self.files))
            self._warm_up_once()
        else:
            # The map is built while hidden (no layout and paint per batch), then shown whole.
            self._map_ready = False
            self.empty_state.update(f"Building the map of {len(project.routes)} routes…")
        self._map_key = self._files_key = None
        self._refresh_left_tree()
        self._show_left()
        self._counts = (len(project.routes), len(project.blueprints), len(self.files))
        self._matching = None
        self._show_summary()
        if message.reread:
            self._refresh_code()
            self.notify(f"Re-read in {message.seconds:.1f} s", timeout=2)

    @on(ProjectReadFailed)
    def _project_failed(self, message: ProjectReadFailed) -> None:
        self.project = None
        self.files = message.files
        self.reading = False
        self.code_view.placeholder = "Pick a file on the left (t)."
        self.empty_state.show(self.root, len(self.files), error=message.error)
        self._map_key = self._files_key = None
        self.map_tree.show_project(None)
        self._refresh_left_tree()
        self._show_left()
        self.status.activity = "could not read the project"
        self._warm_up_once()
        self.notify(message.error, title="Could not read the project", severity="error")

    def _show_left(self) -> None:
        if self.left_mode == "files":
            self.switcher.current = "files"
        elif self.project is None or _is_empty(self.project) or not self._map_ready:
            # reading, building the map, nothing found, or the reader failed
            self.switcher.current = "empty"
        else:
            self.switcher.current = "map"

    def text_of(self, path: str) -> str | None:
        """A project file's text, read once per project read (the code view and sizes share it)."""
        if path not in self._texts:
            self._texts[path] = read_text(self.root, path)
        return self._texts[path]

    def _project_or_stub(self) -> ProjectMap:
        return self.project if self.project is not None else ProjectMap(root=self.root)

    # ---- showing and selecting ---------------------------------------------------------------

    def show_code(self, path: str, line: int | None = None, end_line: int | None = None) -> None:
        text = self.text_of(path)
        if text is None:
            self.notify(f"Cannot read {path}", severity="error")
            return
        span = (line, end_line or line) if line else None
        self.code_view.show(path, text, span)

    def _refresh_code(self) -> None:
        """After a re-read or an edit: show the file again as it is on disk now."""
        path = self.code_view.path
        if path is None:
            return
        text = self.text_of(path)
        if text is not None:
            self.code_view.show(path, text, self.code_view.span)

    def select(self, selection: Selection | None) -> None:
        """Make ``selection`` the thing a review would be about, and say so in the status line."""
        self.selection = selection
        if selection is not None and selection.kind != "range":
            self._base_selection = selection
        size = (
            selection_size(self.project, selection, self.text_of) if selection is not None else None
        )
        self.status.set_selection(selection, size)
        self.post_message(self.SelectionChanged(selection))

    def _try_select(self, make: object) -> None:
        try:
            self.select(make())  # type: ignore[operator]
        except TargetError as error:
            self.notify(str(error), severity="warning")

    @on(MapTree.RouteChosen)
    def _route_chosen(self, message: MapTree.RouteChosen) -> None:
        route = message.route
        self.show_code(route.span.file, route.span.line, route.span.end_line)
        if self.project is not None:
            self.details.show(*route_facts(self.project, route))
            self._try_select(lambda: route_selection(self.project, route.endpoint))

    @on(MapTree.RouteOpened)
    def _route_opened(self, message: MapTree.RouteOpened) -> None:
        """Enter on a route (the README's "move to the code of a route")."""
        self.code_view.focus()

    @on(MapTree.BlueprintChosen)
    def _blueprint_chosen(self, message: MapTree.BlueprintChosen) -> None:
        bp = message.blueprint
        self.show_code(bp.span.file, bp.span.line, bp.span.end_line)
        if self.project is not None:
            self.details.show(*blueprint_facts(self.project, bp))
            self._try_select(lambda: blueprint_selection(self.project, bp.full_name))

    @on(MapTree.AppChosen)
    def _app_chosen(self, message: MapTree.AppChosen) -> None:
        app = message.app
        self.show_code(app.span.file, app.span.line, app.span.end_line)
        if self.project is not None:
            self.details.show(*app_facts(self.project, app))
            self._try_select(lambda: file_selection(self._project_or_stub(), app.span.file))

    @on(MapTree.DiagnosticChosen)
    def _diagnostic_chosen(self, message: MapTree.DiagnosticChosen) -> None:
        diagnostic = message.diagnostic
        self.show_code(diagnostic.file, diagnostic.line, diagnostic.line)
        self.details.show(*diagnostic_facts(diagnostic))

    @on(FilesTree.FileChosen)
    def _file_chosen(self, message: FilesTree.FileChosen) -> None:
        self.show_code(message.path)
        self.details.show(*file_facts(self.project, message.path))
        self._try_select(lambda: file_selection(self._project_or_stub(), message.path))

    @on(CodeView.RangeMarked)
    def _range_marked(self, message: CodeView.RangeMarked) -> None:
        self._try_select(
            lambda: file_selection(
                self._project_or_stub(), message.path, message.start, message.end
            )
        )

    @on(CodeView.MarkCleared)
    def _mark_cleared(self, message: CodeView.MarkCleared) -> None:
        self.select(self._base_selection)

    @on(DetailsPanel.JumpRequested)
    def _jump_requested(self, message: DetailsPanel.JumpRequested) -> None:
        jump: Jump = message.jump
        self.show_code(jump.file, jump.line, jump.end_line or jump.line)
        self.code_view.focus()

    @on(MapTree.Filled)
    def _map_filled(self, message: MapTree.Filled) -> None:
        if not self._map_ready:
            self._map_ready = True
            self._show_left()
            self._warm_up_once()
        self._flush_pending(files=False)
        filtered = self.filter_input.value.strip() and self.left_mode == "map"
        self._matching = message.routes if filtered else None
        self._show_summary()

    def _show_summary(self) -> None:
        """The route counts in the status line (short when narrow: they must never drop)."""
        if self._counts is None or self.reading:
            return
        routes, bps, files = self._counts
        if self._matching is not None:
            text = f"{self._matching} of {routes} routes match"
        elif self.narrow:
            text = f"{routes} route{'s' if routes != 1 else ''}"
        else:
            text = (
                f"{routes} route{'s' if routes != 1 else ''} · "
                f"{bps} blueprint{'s' if bps != 1 else ''} · {files} files"
            )
        self.status.activity = text

    @on(FilesTree.Filled)
    def _files_filled(self, message: FilesTree.Filled) -> None:
        self._flush_pending(files=True)

    def _flush_pending(self, *, files: bool) -> None:
        """Reveal the node a palette jump or a re-read asked for, once its tree is filled."""
        pending = self._pending
        tree = self.files_tree if files else self.map_tree
        if tree.filling:
            return  # its Filled message comes back here once every node is in
        if pending is not None and (pending.kind == "file") == files:
            self._pending = None
            self._reveal(pending, focus=self._pending_focus)

    def _refresh_left_tree(self) -> bool:
        """Fill the visible tree for the current filter unless it already shows exactly that.

        The files tree is only built when it is shown: most sessions never open it, and a
        large project has thousands of files. Returns True when a fill was started.
        """
        query = self.filter_input.value.strip()
        if self.left_mode == "files":
            key = (id(self.files), query)
            if key == self._files_key:
                return False
            self._files_key = key
            self.files_tree.show_files(self.files, query)
            return True
        if self.project is None or _is_empty(self.project):
            return False
        key = (id(self.project), query)
        if key == self._map_key:
            return False
        self._map_key = key
        self.map_tree.show_project(self.project, query)
        return True

    # ---- filter and palette ------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        if not self._refresh_left_tree():
            self._flush_pending(files=self.left_mode == "files")

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        """Enter in the filter: go to the first match (that is what the user was looking for)."""
        if self.left_mode == "files":
            node = self.files_tree.first_file()
            if node is not None:
                self.files_tree.reveal(node)
            self.files_tree.focus()
        else:
            node = self.map_tree.first_route()
            if node is not None:
                self.map_tree.reveal(node)
            self.map_tree.focus()

    def action_filter(self) -> None:
        if not self.filter_input.has_focus:
            self._before_filter = (self.selection, self.focused)
        self.filter_input.focus()

    def action_back(self) -> None:
        flow = self._review_flow
        if flow is not None and flow.cancel():
            return  # Esc stops a running review first
        if flow is not None and self._review_covers_map():
            # uncover the map: the review stays docked beside it when there is room
            flow.set_mode("docked" if flow.mode == "max" and not self.narrow else "hidden")
        focus: Widget | None = None
        if self.filter_input.value:
            back_to = self.selection
            if self.filter_input.has_focus and self._before_filter is not None:
                # still typing: nothing was picked, so back to what was selected before
                back_to, focus = self._before_filter
            if back_to is not None:
                self._pending = self._target_for(back_to)  # back to it in the full map
                self._pending_focus = False
            self.filter_input.value = ""
        self._before_filter = None
        if focus is not None and focus is not self.filter_input and focus.is_mounted:
            focus.focus()
        else:
            self.focus_left()

    def action_toggle_files(self) -> None:
        self.left_mode = "files" if self.left_mode == "map" else "map"
        self._refresh_left_tree()
        self._show_left()
        target = self.files_tree if self.left_mode == "files" else self.map_tree
        if self.switcher.current != "empty":
            target.focus()

    def palette_targets(self) -> list[JumpTarget]:
        return jump_targets(self.project, self.files)

    def jump_to(self, target: JumpTarget) -> None:
        """Go to a route, blueprint or file chosen in the command palette."""
        wanted_mode = "files" if target.kind == "file" else "map"
        if self.left_mode != wanted_mode:
            self.left_mode = wanted_mode
            self._show_left()
        self._pending = target
        self._pending_focus = True
        if self.filter_input.value:
            self.filter_input.value = ""  # refills the tree; the reveal happens when it is filled
        elif not self._refresh_left_tree():
            self._flush_pending(files=target.kind == "file")

    def _reveal(self, target: JumpTarget, *, focus: bool) -> None:
        """Put the tree's cursor on ``target``; ``focus`` only for a jump the user asked for
        (a re-read or an esc puts the cursor back without taking the focus)."""
        if target.kind == "file":
            node = self.files_tree.find_file(target.key)
            if node is not None:
                self.files_tree.reveal(node)
                if focus:
                    self.files_tree.focus()
            self._file_chosen(FilesTree.FileChosen(target.key))
            return
        if target.kind == "route":
            node = self.map_tree.find_node(Route, endpoint=target.key)
        elif target.kind == "blueprint":
            node = self.map_tree.find_node(Blueprint, full_name=target.key)
        else:  # a range: go back to the file and mark it again
            node = None
        if node is not None:
            self.map_tree.reveal(node)
            if focus:
                self.map_tree.focus()

    def _target_for(self, selection: Selection) -> JumpTarget | None:
        if selection.kind == "route" and selection.endpoint:
            return JumpTarget("route", selection.endpoint, "", "")
        if selection.kind == "blueprint" and selection.blueprint:
            return JumpTarget("blueprint", selection.blueprint, "", "")
        return None

    # ---- editor and re-read ------------------------------------------------------------------

    def action_reread(self) -> None:
        self.start_read(reread=True)
        self.read_git()

    def action_open_editor(self) -> None:
        path = self.code_view.path
        if path is None:
            self.notify("Nothing to open: pick a route or a file first.", severity="warning")
            return
        line = self.code_view.cursor_location[0] + 1
        editor = find_editor()
        if editor is None:
            self.notify("Set $EDITOR (or $VISUAL) to open files from here.", severity="warning")
            return
        try:
            command = editor_command(editor, self.root / path, line)
        except ValueError as error:
            self.notify(f"Cannot run $EDITOR: {error}", severity="error")
            return
        try:
            with self.app.suspend():
                result = subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to an editor.", severity="warning")
            return
        except OSError as error:
            self.notify(f"Cannot run {command[0]}: {error}", severity="error")
            return
        if result.returncode != 0:
            self.notify(f"{command[0]} exited with {result.returncode}", severity="warning")
        self.action_reread()

    # ---- the review flow (screens/review_flow.py owns it; imported on first use) -------------

    async def review_flow(self) -> ReviewFlow:
        """The review panel and its flows, mounted the first time in the centre column, where
        it takes the details pane's place (below the code, or beside it when wide)."""
        if self._review_flow is None:
            from architect_tui.ui.screens.review_flow import ReviewFlow

            self._review_flow = ReviewFlow(self)
            await self.query_one("#centre").mount(self._review_flow)
        return self._review_flow

    async def action_review(self) -> None:
        (await self.review_flow()).review()

    async def action_ask(self) -> None:
        (await self.review_flow()).review(ask=True)

    async def action_changes(self) -> None:
        (await self.review_flow()).changes()

    async def action_history(self) -> None:
        (await self.review_flow()).history()

    async def action_undo(self) -> None:
        (await self.review_flow()).undo()

    async def action_review_panel(self) -> None:
        (await self.review_flow()).cycle_mode()

    def action_change_mode(self) -> None:
        """``d``: changes mode (ui/changemode); its ``R`` comes back here to review the change."""
        from architect_tui.ui.changemode import ChangeModeScreen

        self.app.push_screen(ChangeModeScreen(self.root), callback=self._review_change)

    async def _review_change(self, found: object) -> None:
        from architect_tui.ui.changemode import ChangeToReview, review_change

        if isinstance(found, ChangeToReview):
            await review_change(await self.review_flow(), found)

    def action_cancel_review(self) -> None:
        if self._review_flow is not None:
            self._review_flow.cancel()

    def action_retry_review(self) -> None:
        if self._review_flow is not None:
            self._review_flow.panel.action_retry()

    def action_offline_review(self) -> None:
        if self._review_flow is not None:
            self._review_flow.panel.action_offline()

    async def action_follow_up(self) -> None:
        flow = await self.review_flow()
        flow.reveal()
        flow.panel.follow_up_input.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The review's keys are live only while they can act: ``esc`` stops a running review
        before anything else gets it; ``r`` and ``o`` do what a failure card says while it
        shows (``r`` re-reads the project otherwise)."""
        flow = self._review_flow
        if action == "cancel_review":
            return flow is not None and flow.is_mounted and flow.panel.running
        if action == "retry_review":
            return flow is not None and flow.card_offers("r")
        if action == "offline_review":
            return flow is not None and flow.card_offers("o")
        if action == "reread":
            return flow is None or not flow.card_offers("r")
        return True

    def review_mode_changed(self, mode: str) -> None:
        """The review panel was docked, maximised or hidden: keep the focus on a pane the user
        can see, and never move it into an input (or the code view, where esc drops a mark)."""
        flow = self._review_flow
        focused = self.focused
        in_flow = focused is not None and flow is not None and flow in focused.ancestors_with_self
        self.refresh_bindings()
        if mode == "hidden":
            if focused is None or in_flow:
                self.focus_left()
            return
        if flow is None or in_flow:
            return
        covered: list[Widget] = [self.details]
        if mode == "max":
            covered += [self.code_view, self.query_one("#left")]
        elif self.narrow:
            covered.append(self.query_one("#left"))
        if focused is None or any(w in focused.ancestors_with_self for w in covered):
            flow.panel.focus_log()

    def _review_covers_map(self) -> bool:
        flow = self._review_flow
        if flow is None:
            return False
        return flow.mode == "max" or (flow.mode == "docked" and self.narrow)

    def focus_left(self) -> None:
        """Focus the map (or the files tree), or the code view while neither is shown."""
        if self.switcher.current == "empty":
            self.code_view.focus()
        else:
            (self.files_tree if self.left_mode == "files" else self.map_tree).focus()

    def _warm_up_once(self) -> None:
        if not self._warmed_up:
            self._warmed_up = True
            self.warm_up_review()

    @work(thread=True, exit_on_error=False, group="warm-up")
    def warm_up_review(self) -> None:
        """With a key, import the SDK after the first frame so the first review does not wait."""
        from architect_tui.config import load_settings

        if load_settings(self.root).has_credentials:
            from architect_tui.ui.screens.review_flow import warm_up

            warm_up()
