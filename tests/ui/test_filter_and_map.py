"""The map's own keys (← →) and the filter: ranked best first, method words, counts on
blueprints, esc back to where the user was, and a palette jump right after esc."""

from __future__ import annotations

from collections.abc import Callable

from ui_project import settle

from architect_tui.analysis.model import Blueprint, Route, SourceSpan
from architect_tui.ui.app import ArchitectApp
from architect_tui.ui.commands import JumpTarget
from architect_tui.ui.screens.main import MainScreen
from architect_tui.ui.widgets.filtering import rank_routes, route_matches


def route(rule: str, endpoint: str, methods: tuple[str, ...] = ("GET",), file: str = "") -> Route:
    blueprint = endpoint.rpartition(".")[0] or None
    span = SourceSpan(file or f"app/{blueprint or 'main'}/views.py", 1, 2)
    return Route(rule, methods, endpoint, blueprint, endpoint, "function", span)


ROUTES = [
    route("/orders/<int:id>/receipt", "orders.checkout_receipt"),
    route("/admin/certificates", "admin.certificates"),
    route("/orders/checkout", "orders.checkout", ("GET", "POST")),
    route("/certs/<name>", "certs.show"),
    route("/orders/", "orders.list_orders"),
    route("/account/concert-tickets", "account.tickets", file="app/concerts/views.py"),
]


def test_ranked_best_first_and_scattered_letters_do_not_match() -> None:
    """``cert``: segment starts first, then inner substrings; letters spread over a long
    name or path (checkout_receipt) are not a match."""
    ranked = [r.endpoint for r in rank_routes(ROUTES, "cert")]
    assert set(ranked[:2]) == {"certs.show", "admin.certificates"}  # at a segment's start
    assert ranked[2:] == ["account.tickets"]  # inside a word: after them


def test_a_method_word_filters_on_methods() -> None:
    """``orders post`` lists the POST routes of orders, never a GET-only one."""
    assert [r.endpoint for r in rank_routes(ROUTES, "orders post")] == ["orders.checkout"]
    assert [r.endpoint for r in rank_routes(ROUTES, "POST")] == ["orders.checkout"]
    assert not route_matches(ROUTES[0], "POST")


def test_typos_and_abbreviations_still_find_the_route() -> None:
    """A typo in a longer word (``ordres``) and letters in order (``chkout``) match."""
    assert "orders.list_orders" in [r.endpoint for r in rank_routes(ROUTES, "ordres")]
    assert rank_routes(ROUTES, "chkout")[0].endpoint == "orders.checkout"


async def test_arrows_open_close_and_walk_the_map(make_app: Callable[..., ArchitectApp]) -> None:
    """→ opens a closed blueprint, then steps into it; ← on a route goes to its blueprint,
    on an open blueprint closes it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        tree = main.map_tree
        auth = tree.find_node(Blueprint, full_name="auth")
        login = tree.find_node(Route, endpoint="auth.login")
        assert auth is not None and login is not None and auth.is_expanded
        tree.move_cursor(login)
        await pilot.press("left")
        assert tree.cursor_node is auth and auth.is_expanded
        await pilot.press("left")
        assert not auth.is_expanded and tree.cursor_node is auth
        await pilot.press("right")
        assert auth.is_expanded and tree.cursor_node is auth
        await pilot.press("right")
        assert tree.cursor_node is login
        await pilot.pause()
        assert main.selection is not None and main.selection.endpoint == "auth.login"


async def test_filter_counts_escape_and_a_jump_right_after(
    make_app: Callable[..., ArchitectApp],
) -> None:
    """Blueprints show "N of M" while filtered; esc clears the filter and returns to the route
    the user was on; a palette jump made before the map refilled still lands."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump_to(JumpTarget("route", "auth.profile", "", ""))
        await settle(pilot)
        await pilot.press("slash", *"log")
        await settle(pilot)
        tree = main.map_tree
        auth = tree.find_node(Blueprint, full_name="auth")
        assert auth is not None
        assert "(2 of 4)" in tree._label_for(auth.data).plain  # login and logout
        assert tree.find_node(Blueprint, full_name="api") is None
        await pilot.press("escape")
        await settle(pilot)
        assert main.filter_input.value == "" and app.focused is tree
        assert main.selection is not None and main.selection.endpoint == "auth.profile"
        node = tree.cursor_node
        assert node is not None and isinstance(node.data, Route)
        assert node.data.endpoint == "auth.profile"
        assert "(4)" in tree._label_for(auth.data).plain
        # esc, then at once a palette jump: the map is still refilling when it arrives
        await pilot.press("slash", *"items", "escape")
        main.jump_to(JumpTarget("route", "auth.settings", "", ""))
        await settle(pilot)
        node = tree.cursor_node
        assert node is not None and isinstance(node.data, Route)
        assert node.data.endpoint == "auth.settings"
        assert main.selection is not None and main.selection.endpoint == "auth.settings"
