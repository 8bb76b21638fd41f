"""The code view: read-only, highlighted Python with line numbers, the selected span marked in the
gutter, and line ranges marked by keyboard (``v``, shift+arrows) or mouse (drag).

A range the user marks is posted as ``CodeView.RangeMarked``; the screen turns it into a
``Selection`` of kind ``range``. Spans set by the program (showing a route) are not marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection as TextSelection
from textual.widgets.text_area import SyntaxAwareDocument


def _cache_highlight_queries() -> None:
    """Compile each tree-sitter highlight query once per language.

    TextArea prepares its highlight query on every ``load_text``; for Python that is 40-100 ms
    on the event loop each time the code view switches files. A query belongs to a language,
    not to a document, so one compiled query serves every file.
    """
    original = SyntaxAwareDocument.prepare_query
    if getattr(original, "_architect_cached", False):
        return
    compiled: dict[tuple[object, str], object] = {}

    def prepare_query(self: SyntaxAwareDocument, query: str):  # type: ignore[no-untyped-def]
        try:
            key = (self.language, query)
            if key not in compiled:
                compiled[key] = original(self, query)
            return compiled[key]
        except TypeError:  # an unhashable language: compile as Textual would
            return original(self, query)

    prepare_query._architect_cached = True  # type: ignore[attr-defined]
    SyntaxAwareDocument.prepare_query = prepare_query  # type: ignore[method-assign]


_cache_highlight_queries()


def marked_lines(selection: TextSelection) -> tuple[int, int] | None:
    """1-based inclusive line range of a TextArea selection; ``None`` when nothing is selected.

    A selection ending at column 0 of a later line does not include that line (the way a drag to
    the start of a line or ``v`` on a whole line ends).
    """
    if selection.is_empty:
        return None
    start, end = sorted((selection.start, selection.end))
    end_row = end[0]
    if end[1] == 0 and end_row > start[0]:
        end_row -= 1
    return start[0] + 1, end_row + 1


class CodeView(TextArea):
    """See the module docstring. ``path`` is project-relative; ``span`` is 1-based inclusive."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "v",
            "toggle_mark",
            "Mark lines",
            id="code.mark",
            tooltip="Start marking a line range here; move with the arrows, press v again to end",
        ),
        Binding(
            "escape",
            "clear_mark",
            "Clear mark",
            show=False,
            id="code.clear_mark",
            tooltip="Drop the marked line range",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"code-view--span"}

    @dataclass
    class RangeMarked(Message):
        """The user marked lines ``start``..``end`` (1-based, inclusive) of ``path``."""

        path: str
        start: int
        end: int

    @dataclass
    class MarkCleared(Message):
        """The user dropped the marked range."""

        path: str

    def __init__(self, *, id: str | None = None, cursor_blink: bool = True) -> None:
        super().__init__(
            "",
            language=None,
            read_only=True,
            soft_wrap=False,
            show_line_numbers=True,
            id=id,
        )
        self.cursor_blink = cursor_blink
        self.path: str | None = None
        self.span: tuple[int, int] | None = None
        self.marking = False
        self._program_selection: TextSelection | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._follow_app_theme, init=True)

    def _follow_app_theme(self, _theme: str) -> None:
        """Syntax colours that read well on the app theme's background (light or dark)."""
        self.theme = "vscode_dark" if self.app.current_theme.dark else "github_light"

    # ---- attributes down ---------------------------------------------------------------------

    def show(self, path: str, text: str, span: tuple[int, int] | None = None) -> None:
        """Show ``text`` as ``path``; mark ``span`` in the gutter and scroll it into view."""
        if path != self.path or text != self.text:
            language = "python" if path.endswith((".py", ".pyi")) else None
            if language not in self.available_languages:
                language = None
            if language != self.language:
                # Setting ``language`` re-parses the current text: only when it changes.
                self.set_reactive(CodeView.language, language)
            self.load_text(text)
            self.path = path
        self.border_title = path
        self.marking = False
        self.span = span
        line = span[0] if span else 1
        row = min(max(line - 1, 0), max(self.document.line_count - 1, 0))
        self._place_cursor((row, 0))
        self.call_after_refresh(self._scroll_to_row, max(row - 2, 0))
        self.refresh()

    def clear_view(self) -> None:
        self.load_text("")
        self.path = None
        self.span = None
        self.border_title = ""

    def _scroll_to_row(self, row: int) -> None:
        self.scroll_to(y=row, animate=False, immediate=True)

    def _place_cursor(self, location: tuple[int, int]) -> None:
        self._program_selection = TextSelection.cursor(location)
        self.selection = self._program_selection

    # ---- marking -----------------------------------------------------------------------------

    def action_toggle_mark(self) -> None:
        if self.path is None:
            return
        if self.marking:
            self.marking = False
            self.notify_mark()
            return
        row = self.cursor_location[0]
        self.marking = True
        end = (
            (row + 1, 0)
            if row + 1 < self.document.line_count
            else (
                row,
                len(self.document.get_line(row)),
            )
        )
        self.selection = TextSelection((row, 0), end)

    def action_clear_mark(self) -> None:
        was_marked = self.marking or not self.selection.is_empty
        self.marking = False
        self._place_cursor(self.cursor_location)
        if was_marked and self.path is not None:
            self.post_message(self.MarkCleared(self.path))

    def action_cursor_down(self, select: bool = False) -> None:
        super().action_cursor_down(select or self.marking)

    def action_cursor_up(self, select: bool = False) -> None:
        super().action_cursor_up(select or self.marking)

    def action_cursor_page_down(self) -> None:
        anchor = self.selection.start
        super().action_cursor_page_down()
        if self.marking:
            self.selection = TextSelection(anchor, self.selection.end)

    def action_cursor_page_up(self) -> None:
        anchor = self.selection.start
        super().action_cursor_page_up()
        if self.marking:
            self.selection = TextSelection(anchor, self.selection.end)

    def notify_mark(self) -> None:
        """Post the current mark (if any) as a ``RangeMarked``."""
        lines = marked_lines(self.selection)
        if lines is not None and self.path is not None:
            self.post_message(self.RangeMarked(self.path, *lines))

    @on(TextArea.SelectionChanged)
    def _selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()
        if event.selection == self._program_selection:
            return
        self.notify_mark()

    # ---- drawing -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.span is None or not self.show_line_numbers or not self.text:
            return strip
        row = self.scroll_offset.y + y + 1
        start, end = self.span
        if not start <= row <= end:
            return strip
        gutter_width = self.gutter_width
        style = self.get_component_rich_style("code-view--span", partial=True)
        gutter = Strip(
            Segment.apply_style(strip.crop(0, gutter_width), post_style=style), gutter_width
        )
        return Strip.join([gutter, strip.crop(gutter_width, strip.cell_length)])
