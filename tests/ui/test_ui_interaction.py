"""Filter, command palette, marking line ranges, help, re-read and the seams for later pieces."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Input
from ui_project import settle, shop_map

from architect_tui.analysis.model import ProjectMap, Route
from architect_tui.ui.screens.help import HelpScreen, keys_table
from architect_tui.ui.screens.main import MainScreen
from architect_tui.ui.widgets.code_view import CodeView
from architect_tui.ui.widgets.map_tree import MapTree


def _route_endpoints(tree: MapTree) -> list[str]:
    found = []
    stack = list(tree.root.children)
    while stack:
        node = stack.pop()
        if isinstance(node.data, Route):
            found.append(node.data.endpoint)
        stack.extend(node.children)
    return sorted(found)


async def test_filter_narrows_the_map_fuzzily(make_app) -> None:
    """``/`` then a fuzzy query keeps matching routes and their blueprints; esc restores all."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.screen.query_one("#filter", Input).has_focus
        await pilot.press(*"itms")  # fuzzy: /api/items, api.list_items, api.delete_item
        await settle(pilot)
        tree = app.screen.query_one(MapTree)
        assert _route_endpoints(tree) == ["api.delete_item", "api.list_items"]
        assert "2 of 7 routes match" in str(app.screen.query_one("#status-activity").render())
        # Typing never moves the selection; Enter goes to the first match.
        assert app.screen.selection.kind == "file"  # still the app's file, picked at start
        await pilot.press("enter")
        await pilot.pause()
        assert tree.has_focus
        assert app.screen.selection.endpoint == "api.list_items"
        await pilot.press("slash", *" delete")
        await settle(pilot)
        assert _route_endpoints(tree) == ["api.delete_item"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == ""
        assert len(_route_endpoints(tree)) == 7
        # Back in the full map, the cursor is on the route that was selected.
        assert tree.cursor_node is not None and tree.cursor_node.data.endpoint == "api.list_items"


async def test_filter_by_method_and_blueprint_words(make_app) -> None:
    """Words match separately: ``auth post`` finds the POST routes of the auth blueprint."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"auth post")
        await settle(pilot)
        tree = app.screen.query_one(MapTree)
        assert _route_endpoints(tree) == ["auth.login", "auth.settings"]


async def test_filter_applies_to_the_files_tree(make_app) -> None:
    """In files mode the filter narrows paths."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t", "slash", *"secur")
        await settle(pilot)
        tree = app.screen.files_tree
        assert tree.find_file("shop/security.py") is not None
        assert tree.find_file("shop/auth.py") is None


async def test_palette_jumps_to_a_route(make_app) -> None:
    """ctrl+p, a query, enter: the route is selected and the map cursor is on it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"delete_item")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.selection is not None and screen.selection.endpoint == "api.delete_item"
        tree = screen.query_one(MapTree)
        assert tree.cursor_node is not None and tree.cursor_node.data.endpoint == "api.delete_item"


async def test_palette_jumps_to_a_file_through_an_active_filter(make_app) -> None:
    """A file picked in the palette opens in the files tree even when a filter hid it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"login", "enter")
        await settle(pilot)
        await pilot.press("ctrl+p", *"security.py")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#left-switcher").current == "files"
        assert screen.selection.kind == "file" and screen.selection.file == "shop/security.py"
        assert screen.query_one(CodeView).path == "shop/security.py"


async def test_marking_lines_with_v(make_app) -> None:
    """``v``, two lines down, ``v``: a range selection of three lines, sized in the status."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # auth.login, then focus the code
        screen = app.screen
        code = screen.query_one(CodeView)
        code.focus()
        await pilot.press("v", "down", "down", "v")
        await pilot.pause()
        selection = screen.selection
        assert selection is not None and selection.kind == "range"
        assert (selection.file, selection.start, selection.end) == ("shop/auth.py", 8, 10)
        assert selection.label == "shop/auth.py:8-10"
        assert "3 lines" in str(screen.query_one("#status-selection").render())
        await pilot.press("escape")
        await pilot.pause()
        assert screen.selection.kind == "route" and screen.selection.endpoint == "auth.login"


async def test_marking_lines_with_shift_arrows(make_app) -> None:
    """shift+down from the span's first line marks a range too."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        code = app.screen.query_one(CodeView)
        code.focus()
        await pilot.press("shift+down", "shift+down", "shift+down")
        await pilot.pause()
        selection = app.screen.selection
        assert (selection.kind, selection.start, selection.end) == ("range", 8, 10)


async def test_marking_lines_with_the_mouse(make_app) -> None:
    """A drag in the code view marks the lines it covers."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await pilot.pause()
        code = app.screen.query_one(CodeView)
        code.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        # Content rows start one below the border; line N sits on row N (1-based).
        x = code.gutter_width + 3
        await pilot.mouse_down(code, offset=(x, 15))
        await pilot.hover(code, offset=(x, 18))
        await pilot.mouse_up(code, offset=(x, 18))
        await pilot.pause()
        selection = app.screen.selection
        assert selection.kind == "range" and selection.file == "shop/auth.py"
        assert (selection.start, selection.end) == (15, 18)


async def test_help_screen_lists_the_bindings(make_app) -> None:
    """``?`` opens the keys, generated from the bindings; esc closes them."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#help-table").region.height > 10
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(keys_table())
        rendered = console.export_text()
        for text in ("Narrow the map", "Open $EDITOR", "Start marking a line range", "Leave"):
            assert text in rendered
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_reread_picks_up_changes_on_disk(make_app, shop_root: Path) -> None:
    """``r`` re-reads in a worker, keeps the selected route and shows the file as it is now."""
    calls: list[Path] = []

    def reader(root: Path, _cache: bool) -> ProjectMap:
        calls.append(root)
        return shop_map(root)

    app = make_app(reader=reader)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")  # auth.logout
        await pilot.pause()
        path = shop_root / "shop/auth.py"
        path.write_text(path.read_text().replace('return "bye"', 'return "see you"'))
        await pilot.press("r")
        await settle(pilot)
        assert len(calls) == 2
        code = app.screen.query_one(CodeView)
        assert 'return "see you"' in code.text
        assert app.screen.selection.endpoint == "auth.logout"
        tree = app.screen.query_one(MapTree)
        assert tree.cursor_node.data.endpoint == "auth.logout"


async def test_editor_without_a_terminal_says_so(make_app, monkeypatch) -> None:
    """``e`` under a driver that cannot suspend tells the user instead of failing."""
    monkeypatch.setenv("EDITOR", "true")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "e")
        await pilot.pause()
        messages = app.notes
        assert "This terminal cannot hand over to an editor." in messages
