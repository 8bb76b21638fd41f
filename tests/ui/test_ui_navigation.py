"""Walking the map: what the tree shows, and what selecting each kind of node does."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from ui_project import settle

from architect_tui.analysis.model import Blueprint, Route
from architect_tui.ui.screens.main import MainScreen
from architect_tui.ui.widgets.code_view import CodeView
from architect_tui.ui.widgets.details import DetailsPanel
from architect_tui.ui.widgets.map_tree import DiagnosticsGroup, MapTree


def _labels(tree: MapTree) -> list[str]:
    out = []
    stack = list(reversed(tree.root.children))
    while stack:
        node = stack.pop()
        out.append(tree.render_label(node, tree.rich_style, tree.rich_style).plain)
        stack.extend(reversed(node.children))
    return out


async def test_map_shows_app_blueprints_routes_and_diagnostics(make_app) -> None:
    """The tree nests routes under their blueprint under the app, with badges and counts."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(MapTree)
        labels = _labels(tree)
        assert labels[0].startswith("▼ app  create_app()")
        assert any(label.startswith("▼ auth  /auth  (4)") for label in labels)
        assert " GET   POST  /auth/login  auth.login" in labels
        assert " DELETE  /api/items/<int:item_id>  api.delete_item" in labels
        diagnostics = tree.find_node(DiagnosticsGroup)
        assert diagnostics is not None and not diagnostics.is_expanded
        assert app.screen.sub_title == "⎇ main · clean"
        assert "7 routes · 2 blueprints · 5 files" in str(
            app.screen.query_one("#status-activity").render()
        )


async def test_walking_to_a_route_selects_it(make_app) -> None:
    """Cursor on a route: code scrolled to its span, details with pipeline, status with size."""
    seen: list = []
    app = make_app()
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")  # app -> auth -> auth.login
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.selection is not None
        assert (screen.selection.kind, screen.selection.endpoint) == ("route", "auth.login")
        assert (screen.selection.start, screen.selection.end) == (8, 12)
        code = screen.query_one(CodeView)
        assert code.path == "shop/auth.py" and code.span == (8, 12)
        assert code.cursor_location == (7, 0)
        status = str(screen.query_one("#status-selection").render())
        assert "auth.login" in status and "5 lines" in status and "tokens" in status
        facts = str(screen.query_one("#details-facts").render())
        assert "rule = /auth + /login" in facts
        assert "no auth decorator" not in facts  # a login view is public by nature
        jumps = [j.label for j in screen.query_one(DetailsPanel).jumps]
        assert "before_request  load_user (app)" in jumps
        assert "errorhandler 404  not_found (app)" in jumps
        changes = [m for m in seen if isinstance(m, MainScreen.SelectionChanged)]
        assert changes and changes[-1].selection == screen.selection


async def test_the_pane_shows_the_rules_auth_verdict(make_app) -> None:
    """auth.settings (a POST next to guarded reads) is not a gap for rule FLK112's verdict,
    which the details pane now shows (rules.auth): no warning there."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["down"] * 5)
        await pilot.pause()
        assert app.screen.selection.endpoint == "auth.settings"
        facts = str(app.screen.query_one("#details-facts").render())
        assert "no auth decorator" not in facts


async def test_a_guarded_route_shows_no_warning(make_app) -> None:
    """auth.logout has @login_required: no warning, and the decorator is ticked."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        facts = str(app.screen.query_one("#details-facts").render())
        assert "✓ @login_required" in facts
        assert "no auth decorator" not in facts


async def test_selecting_a_blueprint(make_app) -> None:
    """A blueprint in one file selects its definition through its last route."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        selection = app.screen.selection
        assert selection is not None and selection.kind == "blueprint"
        assert selection.blueprint == "auth" and (selection.start, selection.end) == (5, 29)
        assert "bp:auth" in str(app.screen.query_one("#status-selection").render())
        assert app.screen.query_one(CodeView).span == (5, 5)


async def test_jump_from_details_moves_the_code_view(make_app) -> None:
    """Picking a hook in the details shows its code, even in another file."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await pilot.pause()
        details = app.screen.query_one(DetailsPanel)
        index = next(i for i, j in enumerate(details.jumps) if j.label.startswith("errorhandler"))
        options = app.screen.query_one("#details-jumps", OptionList)
        options.focus()
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        code = app.screen.query_one(CodeView)
        assert code.path == "shop/__init__.py" and code.span == (17, 17)
        assert code.has_focus
        # The selection is still the route: jumping reads code, it does not re-select.
        assert app.screen.selection.endpoint == "auth.login"


async def test_diagnostic_jumps_to_its_line(make_app) -> None:
    """The collapsed Diagnostics node opens and each entry shows its line."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(MapTree)
        group = tree.find_node(DiagnosticsGroup)
        tree.move_cursor(group)
        await pilot.press("enter", "down")
        await pilot.pause()
        code = app.screen.query_one(CodeView)
        assert code.path == "shop/models.py" and code.span == (1, 1)


async def test_files_tree_selects_a_file(make_app) -> None:
    """``t`` shows the files; the cursor on a file selects the whole file."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#left-switcher").current == "files"
        tree = screen.files_tree
        node = tree.find_file("shop/models.py")
        assert node is not None
        tree.move_cursor(node)
        await pilot.pause()
        assert screen.selection.kind == "file" and screen.selection.file == "shop/models.py"
        assert "3 lines" in str(screen.query_one("#status-selection").render())
        await pilot.press("t")
        assert screen.query_one("#left-switcher").current == "map"


async def test_find_node_by_kind(make_app) -> None:
    """Lookups used by the palette find routes by endpoint and blueprints by name."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(MapTree)
        assert tree.find_node(Route, endpoint="api.list_items") is not None
        assert tree.find_node(Blueprint, full_name="api") is not None
        assert tree.find_node(Route, endpoint="nope") is None


def test_shop_fixture_is_on_disk(shop_root: Path) -> None:
    """The hand-built map's spans point at real lines of the files."""
    text = (shop_root / "shop/auth.py").read_text().splitlines()
    assert text[7].startswith('@bp.route("/login"')
    assert text[26].startswith('@bp.route("/settings"')
