"""Changes mode (d): the routes a git change affects, with badges and diffs, and R reviewing the
change, on a real git repository (offline and through the local Anthropic server)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Tree
from ui_project import settle

from architect_tui.analysis import read_project
from architect_tui.ui.app import ArchitectApp
from architect_tui.ui.changemode import ChangeModeScreen
from architect_tui.ui.changemode.screen import AffectedRoute
from architect_tui.ui.review import ReviewPanel
from architect_tui.ui.screens.main import MainScreen
from architect_tui.vcs.changeset import ChangedFile
from tests.support.anthropic_server import AnthropicServer, TextReply
from tests.unit.changes.conftest import edit, make_repo, user_state, write

EXPORT = '\n\n@bp.post("/export")\ndef export():\n    return "exported"\n\n\nif True:\n    DEBUG = True\n'


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shop with a working-tree change: a new route, changed methods, a changed hook."""
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "cache"))
    root = make_repo(tmp_path / "shop")
    views = root / "shop/catalog/views.py"
    write(root, {"shop/catalog/views.py": views.read_text() + EXPORT})
    edit(root, "shop/orders.py", 'methods=["GET", "DELETE"]', 'methods=["GET", "PATCH"]')
    edit(root, "shop/__init__.py", "g.started = 1", "g.started = 2")
    return root


def make_app(root: Path) -> ArchitectApp:
    return ArchitectApp(
        root,
        reader=lambda r, _cache: read_project(r, use_cache=False),
        git_probe=lambda _r: "⎇ main",
        cursor_blink=False,
    )


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    for _ in range(2000):
        if condition():
            return
        await pilot.pause()
        await asyncio.sleep(0)
    raise AssertionError(f"never happened: {what}")


async def open_mode(pilot: Pilot) -> ChangeModeScreen:
    await settle(pilot)
    await pilot.press("d")
    await until(pilot, lambda: isinstance(pilot.app.screen, ChangeModeScreen), "changes mode")
    screen = pilot.app.screen
    assert isinstance(screen, ChangeModeScreen)
    await until(pilot, lambda: screen.found is not None, "the change read")
    await settle(pilot)
    return screen


def leaves(tree: Tree[object]) -> list[object]:
    return [leaf.data for branch in tree.root.children for leaf in branch.children]


async def test_badges_files_and_the_diff_of_each_route(repo: Path, no_llm_env: None) -> None:
    """d narrows to affected routes with badges, lists changed files, shows each one's diff."""
    state = user_state(repo)
    app = make_app(repo)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_mode(pilot)
        items = [d for d in leaves(screen.tree) if isinstance(d, AffectedRoute)]
        badges = {i.route.endpoint: i.badge for i in items}
        assert badges["catalog.export"] == "added"
        assert badges["orders.order"] == "changed"
        assert badges["catalog.list_items"] == "code changed"  # the hook start_timer
        assert len(items) == len(screen.found.after.routes)  # the hook touches every route
        files = [d for d in leaves(screen.tree) if isinstance(d, ChangedFile)]
        assert [(f.path, f.status) for f in files] == [
            ("shop/__init__.py", "modified"),
            ("shop/catalog/views.py", "modified"),
            ("shop/orders.py", "modified"),
        ]
        # walk down to the added route: its diff and why
        tree = screen.tree
        target = next(n for b in tree.root.children for n in b.children if n.data is items[0])
        tree.move_cursor(target)
        await pilot.pause()
        shown = items[0]
        assert shown.badge == "added" and shown.route.endpoint == "catalog.export"
        assert '+@bp.post("/export")' in screen.shown_diff
        assert screen.shown_diff.startswith("diff --git a/shop/catalog/views.py")
        assert "added: POST /catalog/export" in screen.shown_why
        order = next(
            n
            for b in tree.root.children
            for n in b.children
            if isinstance(n.data, AffectedRoute) and n.data.route.endpoint == "orders.order"
        )
        tree.move_cursor(order)
        await pilot.pause()
        assert "methods: DELETE,GET -> GET,PATCH" in screen.shown_why
        assert '+@bp.route("/<int:order_id>", methods=["GET", "PATCH"])' in screen.shown_diff
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "back to the map")
    assert user_state(repo) == state


async def test_another_base_and_a_bad_one(repo: Path, no_llm_env: None) -> None:
    """b asks for a base: a bad one says so, HEAD again lists the change."""
    app = make_app(repo)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_mode(pilot)
        await pilot.press("b")
        screen.base_input.value = "no-such-branch"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.found is None
        assert "not a commit" in screen.shown_diff
        await pilot.press("b")
        screen.base_input.value = "HEAD"
        await pilot.press("enter")
        await until(pilot, lambda: screen.found is not None, "read again")


async def test_R_reviews_the_change_offline(repo: Path, no_llm_env: None) -> None:
    """R without a key: back on the map, the offline architect's review of the change."""
    app = make_app(repo)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_mode(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "back to the map")
        main = app.screen
        await settle(pilot)
        panel = main.query_one(ReviewPanel)
        await until(pilot, lambda: panel.review is not None, "the offline review")
        review = panel.review
        assert review.source == "local" and review.target.startswith("changes HEAD")
        change_lines = {("shop/catalog/views.py", n) for n in range(20, 40)}
        assert all((f.file, f.line) in change_lines for f in review.findings), review.findings


async def test_R_reviews_the_change_with_the_model(repo: Path, llm_env: AnthropicServer) -> None:
    """R with a key: the change's request (its diff, its routes) streams into the panel."""
    llm_env.queue(
        TextReply(
            "## Summary\nA new export route.\n\n## Findings\nNone.\n\n## Proposed changes\nNone.\n"
        )
    )
    app = make_app(repo)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_mode(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "back to the map")
        panel = app.screen.query_one(ReviewPanel)
        await until(pilot, lambda: panel.review is not None, "the answer")
        await settle(pilot)
        (sent,) = llm_env.requests
        assert '+@bp.post("/export")' in sent.last_user_text
        assert "Added routes (1):" in sent.last_user_text
        assert "A new export route." in panel.transcript


async def test_palette_offers_changes_mode(repo: Path, no_llm_env: None) -> None:
    """The command palette lists changes mode on the main screen and opens it."""
    app = make_app(repo)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"changes mode")
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChangeModeScreen), "changes mode")
        assert isinstance(app.screen, Screen)


async def test_an_apply_says_what_it_did_to_the_routes(tmp_path: Path) -> None:
    """After enter in the changes view, the route-level diff against the pre-apply state."""
    from textual.app import App

    from architect_tui.patch import extract_changes, plan
    from architect_tui.ui.changes import ChangesScreen

    root = make_repo(tmp_path / "shop")
    diff = (
        "```diff\n--- a/shop/orders.py\n+++ b/shop/orders.py\n@@ -14,1 +14,1 @@\n"
        '-@bp.route("/<int:order_id>", methods=["GET", "DELETE"])\n'
        '+@bp.route("/<int:order_id>", methods=["GET", "PUT"])\n```\n'
    )
    screen = ChangesScreen(plan(extract_changes(diff, root), root), root)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    async with Host().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", "enter")
        await until(pilot, lambda: screen.route_effect is not None, "the routes checked")
        assert screen.route_effect == "routes: 1 changed (orders.order: methods)"
        assert 'methods=["GET", "PUT"]' in (root / "shop/orders.py").read_text()
