"""The keys, generated from the bindings so the help screen and the README cannot drift."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
    "enter": "enter",
    "space": "space",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "shift+up": "shift+↑",
    "shift+down": "shift+↓",
}


@dataclass(frozen=True, slots=True)
class KeyRow:
    section: str
    key: str
    description: str
    tooltip: str
    binding_id: str | None


def display_key(key: str) -> str:
    """``question_mark`` -> ``?``, ``ctrl+p`` -> ``ctrl+p``; the first of alternative keys."""
    first = key.split(",")[0].strip()
    return _NAMES.get(first, first)


def rows_for(section: str, bindings: Iterable[BindingType]) -> list[KeyRow]:
    rows = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        rows.append(
            KeyRow(
                section,
                binding.key_display or display_key(binding.key),
                binding.description,
                binding.tooltip,
                binding.id,
            )
        )
    return rows


# Keys that come from Textual widgets we use as they are, described here once.
_BUILT_IN = [
    ("Map", "↑ ↓", "Move", "Walk the map; the code and details follow the cursor"),
    ("Map", "enter", "Open / read", "Open a blueprint, or move to the code of a route"),
    ("Code view", "shift+↑ ↓", "Mark", "Mark a line range with the keyboard"),
    ("Code view", "drag", "Mark", "Mark a line range with the mouse"),
    ("Global", "tab", "Next pane", "Move the focus between the map, the code and the details"),
    ("Global", "ctrl+p", "Commands", "Jump to any route, blueprint or file; change the theme"),
    ("Review panel", "enter", "Jump", "On a finding: show its file and line in the code view"),
    ("Review panel", "enter", "Follow up", "In the input: ask a follow-up; the history goes along"),
    ("Review panel", "enter", "Changes", "On “N proposed changes”: open the changes view"),
]


def key_rows() -> list[KeyRow]:
    """Every key of the app, grouped by where it works."""
    from architect_tui.ui.app import ArchitectApp
    from architect_tui.ui.changemode import ChangeModeScreen
    from architect_tui.ui.changes import ChangesScreen
    from architect_tui.ui.review import ReviewPanel
    from architect_tui.ui.screens.main import MainScreen
    from architect_tui.ui.screens.review_flow import FlowChangesScreen
    from architect_tui.ui.widgets.code_view import CodeView
    from architect_tui.ui.widgets.map_tree import MapTree

    rows = rows_for("Global", ArchitectApp.BINDINGS)
    rows += rows_for("Main", MainScreen.BINDINGS)
    rows += rows_for("Map", MapTree.BINDINGS)
    rows += rows_for("Code view", CodeView.BINDINGS)
    rows += rows_for("Review panel", ReviewPanel.BINDINGS)
    rows += rows_for("Changes", ChangesScreen.BINDINGS)
    rows += rows_for("Changes", FlowChangesScreen.BINDINGS)  # the verify loop's f and U
    rows += rows_for("Changed routes", ChangeModeScreen.BINDINGS)
    rows += [KeyRow(s, k, d, t, None) for s, k, d, t in _BUILT_IN]
    order = {"Global": 0, "Main": 1, "Map": 2, "Code view": 3, "Review panel": 4, "Changes": 5}
    order["Changed routes"] = 6
    return sorted(rows, key=lambda r: order.get(r.section, 9))


def markdown_table() -> str:
    """The keys as a Markdown table, for the README."""
    lines = ["| Key | Where | What |", "| --- | --- | --- |"]
    for row in key_rows():
        key = row.key.replace("|", "\\|")
        lines.append(f"| `{key}` | {row.section} | {row.tooltip or row.description} |")
    return "\n".join(lines)
