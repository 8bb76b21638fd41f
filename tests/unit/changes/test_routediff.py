"""The change as routes, on real git repositories, checked against real Flask's url_map."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.analysis.model import Route
from architect_tui.analysis.routediff import RouteDiff, diff_change
from architect_tui.vcs.changeset import open_change

from .conftest import SHOP, Rule, commit, edit, flask_rules, git, make_repo, user_state, write


def key(route: Route) -> Rule:
    return (route.rule, route.methods, route.endpoint)


def route_diff(root: Path, base: str | None = None) -> RouteDiff:
    diff, _, _ = diff_change(root, open_change(root, base))
    return diff


def assert_matches_flask(diff: RouteDiff, before: set[Rule], after: set[Rule]) -> None:
    """Added + changed-after are exactly Flask's new rules; removed + changed-before the gone."""
    shaped = [c for c in diff.changed if {"rule", "methods", "endpoint"} & set(c.fields)]
    assert {key(r) for r in diff.added} | {key(c.after) for c in shaped} == after - before
    assert {key(r) for r in diff.removed} | {key(c.before) for c in shaped} == before - after


def reasons(diff: RouteDiff, endpoint: str) -> set[tuple[str, str]]:
    found = [c for c in diff.code_changed if c.route.endpoint == endpoint]
    return {(r.kind, r.name) for c in found for r in c.reasons}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "shop")


def test_clean_tree_has_no_change(shop: Path) -> None:
    """Nothing edited: no file, no route."""
    diff = route_diff(shop)
    assert diff.files == [] and diff.empty
    assert diff.head == "working tree"


def test_hook_change_marks_every_route_it_guards_and_touches_nothing(shop: Path) -> None:
    """An edited before_request: every app route is code-changed by it; git state untouched."""
    git(shop, "add", "-A")  # an index that exists
    state = user_state(shop)
    edit(shop, "shop/__init__.py", "g.started = 1", "g.started = 2")
    diff = route_diff(shop)
    assert diff.files == ["shop/__init__.py"]
    assert not diff.added and not diff.removed and not diff.changed
    rules = flask_rules(shop)
    assert {key(c.route) for c in diff.code_changed} == rules
    assert all(("hook", "start_timer") in reasons(diff, e) for _, _, e in rules)
    assert user_state(shop) == state


def test_renamed_view_is_a_changed_endpoint(shop: Path) -> None:
    """def list_items -> def all_items: same rule, new endpoint, view span changed."""
    before = flask_rules(shop)
    edit(shop, "shop/catalog/views.py", "def list_items():", "def all_items():")
    diff = route_diff(shop)
    assert_matches_flask(diff, before, flask_rules(shop))
    (change,) = diff.changed
    assert change.before.endpoint == "catalog.list_items"
    assert change.after.endpoint == "catalog.all_items"
    assert change.fields == ("endpoint", "view")
    assert ("view", "all_items") in reasons(diff, "catalog.all_items")


def test_deleted_and_added_routes(shop: Path) -> None:
    """A route deleted, another added in an untracked module imported by the blueprint."""
    before = flask_rules(shop)
    edit(
        shop,
        "shop/orders.py",
        '@bp.get("/")\n@login_required\ndef orders():\n    return "orders"\n',
        "",
    )
    write(
        shop,
        {
            "shop/catalog/extra.py": (
                'from shop.catalog import bp\n\n\n@bp.put("/<int:item_id>")\n'
                "def replace(item_id):\n    return 'x'\n"
            )
        },
    )
    edit(shop, "shop/catalog/__init__.py", "import views", "import extra, views")
    diff = route_diff(shop)
    after = flask_rules(shop)
    assert_matches_flask(diff, before, after)
    assert [key(r) for r in diff.removed] == [("/orders/", ("GET",), "orders.orders")]
    assert [key(r) for r in diff.added] == [("/catalog/<int:item_id>", ("PUT",), "catalog.replace")]
    assert "shop/catalog/extra.py" in diff.files


def test_moved_blueprint_changes_rules_and_file(shop: Path) -> None:
    """The orders blueprint moves to a package and to a new prefix: rule and file changed."""
    before = flask_rules(shop)
    git(shop, "mv", "shop/orders.py", "shop/sales.py")
    edit(shop, "shop/__init__.py", "from shop.orders import", "from shop.sales import")
    edit(shop, "shop/__init__.py", 'url_prefix="/orders"', 'url_prefix="/sales"')
    diff = route_diff(shop)
    assert_matches_flask(diff, before, flask_rules(shop))
    moved = {c.after.endpoint: c.fields for c in diff.changed}
    assert moved == {"orders.orders": ("rule", "file"), "orders.order": ("rule", "file")}
    renamed = next(f for f in open_change(shop).files if f.path == "shop/sales.py")
    assert renamed.status == "renamed" and renamed.old_path == "shop/orders.py"


def test_methods_and_decorators(shop: Path) -> None:
    """Methods of one route change; another loses its auth decorator."""
    before = flask_rules(shop)
    edit(shop, "shop/orders.py", 'methods=["GET", "DELETE"]', 'methods=["GET", "PATCH"]')
    edit(shop, "shop/catalog/views.py", '@bp.post("/")\n@login_required\n', '@bp.post("/")\n')
    diff = route_diff(shop)
    assert_matches_flask(diff, before, flask_rules(shop))
    fields = {c.after.endpoint: c.fields for c in diff.changed}
    assert fields == {"orders.order": ("methods",), "catalog.create_item": ("decorators",)}


def test_auth_verdict_is_compared_when_given(shop: Path) -> None:
    """With an auth verdict, dropping @login_required changes the route's auth field."""
    edit(shop, "shop/catalog/views.py", '@bp.post("/")\n@login_required\n', '@bp.post("/")\n')

    def verdict(_project: object, route: Route) -> str:
        return "login" if "login_required" in route.decorators else "open"

    diff, _, _ = diff_change(shop, open_change(shop), auth=verdict)
    assert [c.fields for c in diff.changed] == [("decorators", "auth")]


def test_decorator_callee_and_registration_reasons(shop: Path) -> None:
    """A changed decorator body, a callee two hops away, a blueprint constructor."""
    edit(shop, "shop/auth.py", "return view(*args, **kwargs)", "return view(*args, **kwargs)  # x")
    edit(shop, "shop/services.py", "amount * 0.2", "amount * 0.25")
    edit(
        shop,
        "shop/catalog/__init__.py",
        'url_prefix="/catalog")',
        'url_prefix="/catalog",\n    template_folder="t")',
    )
    diff = route_diff(shop)
    assert not diff.changed and not diff.added and not diff.removed
    assert ("decorator", "login_required") in reasons(diff, "orders.order")
    assert ("decorator", "login_required") in reasons(diff, "catalog.create_item")
    item = next(c for c in diff.code_changed if c.route.endpoint == "catalog.item")
    hop = next(r for r in item.reasons if r.kind == "callee")
    assert (hop.name, hop.via, hop.file) == ("tax", "price", "shop/services.py")
    assert ("registration", "catalog") in reasons(diff, "catalog.list_items")
    assert ("registration", "catalog") not in reasons(diff, "orders.orders")
    assert reasons(diff, "health") == set()


def test_one_hop_callee(shop: Path) -> None:
    """The view calls the changed function itself."""
    edit(shop, "shop/services.py", "return amount + tax(amount)", "return amount + 2 * tax(amount)")
    diff = route_diff(shop)
    assert reasons(diff, "catalog.item") == {("callee", "price")}
    assert [c.route.endpoint for c in diff.code_changed] == ["catalog.item"]


def test_branch_against_merge_base_after_a_merge(shop: Path) -> None:
    """main...feature shows the feature's routes only, also after main was merged into it."""
    git(shop, "checkout", "-q", "-b", "feature")
    write(
        shop,
        {
            "shop/catalog/views.py": (shop / "shop/catalog/views.py").read_text()
            + '\n\n@bp.get("/featured")\ndef featured():\n    return "f"\n'
        },
    )
    commit(shop, "featured")
    git(shop, "checkout", "-q", "main")
    edit(shop, "shop/__init__.py", '@app.get("/health")', '@app.get("/healthz")')
    commit(shop, "healthz on main")
    git(shop, "checkout", "-q", "feature")
    state = user_state(shop)

    diff = route_diff(shop, "main...feature")
    assert [r.endpoint for r in diff.added] == ["catalog.featured"]
    assert not diff.removed and not diff.changed
    assert diff.files == ["shop/catalog/views.py"]
    # two-dot: main against feature sees main's own change too (reversed)
    two = route_diff(shop, "main..feature")
    assert {c.after.rule for c in two.changed} == {"/health"}

    assert user_state(shop) == state

    git(shop, "merge", "-q", "--no-edit", "main")
    state = user_state(shop)
    merged = route_diff(shop, "main...feature")
    assert [r.endpoint for r in merged.added] == ["catalog.featured"]
    assert not merged.changed
    assert user_state(shop) == state


def test_commit_base_and_project_in_a_sub_folder(tmp_path: Path) -> None:
    """The project is a sub-folder of the repository; BASE is an older commit."""
    repo = tmp_path / "repo"
    make_repo(repo, {f"backend/{k}": v for k, v in SHOP.items()} | {"README.md": "hi\n"})
    project = repo / "backend"
    first = git(repo, "rev-parse", "HEAD").strip()
    edit(project, "shop/orders.py", 'bp.get("/")', 'bp.get("/all")')
    commit(repo, "rename orders list")
    write(repo, {"README.md": "changed\n"})
    diff = route_diff(project, first[:10])
    assert diff.files == ["shop/orders.py"]  # README.md is outside the project
    assert [(c.before.rule, c.after.rule) for c in diff.changed] == [("/orders/", "/orders/all")]


def test_bad_base_and_no_repository(shop: Path, tmp_path: Path) -> None:
    from architect_tui.vcs.changeset import ChangeError

    with pytest.raises(ChangeError, match="not a commit"):
        open_change(shop, "no-such-branch")
    with pytest.raises(ChangeError, match="not a commit"):
        open_change(shop, "main...nope")
    with pytest.raises(ChangeError, match="not a revision"):
        open_change(shop, "--output=x")
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(ChangeError, match="not inside a git repository"):
        open_change(plain)


def test_changed_lines_and_diff_text(shop: Path) -> None:
    """Added ranges on the new side, removed ones on the base side, the unified diff."""
    edit(
        shop, "shop/services.py", "    return amount * 0.2\n", "    x = 1\n    return amount * x\n"
    )
    change = open_change(shop)
    (f,) = change.files
    assert f.added == ((2, 3),) and f.removed == ((2, 2),)
    assert "-    return amount * 0.2\n+    x = 1\n" in change.diff
    assert change.read_base("shop/services.py").startswith(b"def tax")
    assert change.added_lines() == {"shop/services.py": ((2, 3),)}


def test_a_pure_deletion_touches_the_lines_around_it(shop: Path) -> None:
    """A removed decorator leaves no added line: the lines on either side count as changed."""
    text = (shop / "shop/orders.py").read_text().splitlines()
    deco = text.index("def orders():") - 1  # 0-based index of "@login_required" above it
    edit(shop, "shop/orders.py", '@bp.get("/")\n@login_required\n', '@bp.get("/")\n')
    change = open_change(shop)
    (f,) = change.files
    assert f.added == () and f.removed == ((deco + 1, deco + 1),)
    assert f.seams == ((deco, deco + 1),)
    assert change.touches("shop/orders.py", deco, deco)  # the route decorator, now above def
    assert not change.touches("shop/orders.py", 1, deco - 1)
    assert not change.touches("shop/other.py", deco)


def test_the_base_map_parses_only_the_changed_files_again(shop: Path) -> None:
    """The facts memo: mapping the base after the head adds one entry per changed file only."""
    from architect_tui.analysis.reader import read_project
    from architect_tui.analysis.routediff import CommitSources

    edit(shop, "shop/services.py", "amount * 0.2", "amount * 0.3")
    edit(shop, "shop/orders.py", "return str(order_id)", "return repr(order_id)")
    change = open_change(shop)
    memo: dict[str, object] = {}
    after = read_project(shop, use_cache=False, memo=memo)  # type: ignore[arg-type]
    assert len(memo) == len(after.files)
    sources = CommitSources(shop.resolve(), change.base_files(), change.read_base, "base")
    before = read_project(shop, use_cache=False, sources=sources, memo=memo)  # type: ignore[arg-type]
    assert before.files == after.files
    assert len(memo) == len(after.files) + 2  # services.py and orders.py, at the base
    assert {(r.rule, r.endpoint) for r in before.routes} == {
        (r.rule, r.endpoint) for r in after.routes
    }
