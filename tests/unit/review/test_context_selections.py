"""For real selections, the definitions a reviewer needs are in the request, whole.

Each case names a selection (a route behind custom auth, RESTful/RESTX resources, a model-heavy
view, a whole blueprint, a file, a line range) in ``examples/shop``, the real-world
reproductions under ``tests/realworld`` or the redash-like ``tracker`` project, and the
definitions that must be sent. "Whole" means every line of the definition appears in the user
message with its real line number (``NNN| code``), as the reader of the file would see it.
The map comes from the real static reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tracker_project import write_tracker

from architect_tui.analysis import read_project
from architect_tui.analysis.selection import resolve_target
from architect_tui.config import Settings
from architect_tui.review.context import build_request, render_user_message
from architect_tui.review.model import ReviewRequest
from architect_tui.review.render import numbered

REPO = Path(__file__).resolve().parents[3]
SHOP = REPO / "examples" / "shop"
REALWORLD = REPO / "tests" / "realworld"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(tmp_path / "map-cache"))


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tracker(tmp_path_factory.mktemp("tracker") / "tracker-project")


def request_for(root: Path, target: str) -> ReviewRequest:
    project = read_project(root, use_cache=False)
    return build_request(project, resolve_target(project, target), Settings())


def definition_lines(root: Path, file: str, name: str) -> list[tuple[int, str]]:
    """(line number, text) of ``name`` in ``file``: ``f``, ``Class`` or ``Class.method``."""
    source = (root / file).read_text()
    tree = ast.parse(source)
    body: list[ast.stmt] = tree.body
    node: ast.AST | None = None
    for part in name.split("."):
        node = next(
            (
                n
                for n in body
                if (getattr(n, "name", None) == part)
                or (
                    isinstance(n, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == part for t in n.targets)
                )
            ),
            None,
        )
        assert node is not None, f"{name} not in {file}"
        body = getattr(node, "body", [])
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    lines = source.splitlines()
    return [(n, lines[n - 1]) for n in range(start, node.end_lineno + 1)]


def assert_sent_whole(request: ReviewRequest, root: Path, file: str, name: str) -> None:
    message = render_user_message(request)
    for number, text in definition_lines(root, file, name):
        line = numbered([text], number)
        assert line in message, f"{file}:{number} of {name} not sent: {line!r}"


CASES = [
    # (project, target, [(file, definition)], [text that must not be sent])
    (
        "tracker",
        "query_fork",  # RESTful resource on a model with a 300-line class
        [
            ("tracker/models.py", "Query.get_by_id_and_org"),
            ("tracker/models.py", "Query.fork"),
            ("tracker/handlers/base.py", "BaseResource"),
            ("tracker/authentication.py", "login_required"),  # decorators = [login_required]
            ("tracker/handlers/queries.py", "QueryForkResource"),
            ("tracker/serializers.py", "serialize_query"),
            ("tracker/settings.py", "QUERY_RESULTS_TTL"),  # the real configuration
        ],
        ["def helper_3(self)", "def archive(", "def config_value("],
    ),
    (
        "tracker",
        "api.revoke_token",  # custom auth: the guard's meaning is in a callback
        [
            ("tracker/api/auth.py", "token_auth"),
            ("tracker/api/auth.py", "verify_token"),
            ("tracker/api/auth.py", "auth_error"),
        ],
        [],
    ),
    (
        "tracker",
        "tracker/handlers/exports.py:8-12",  # dispatch through a registry of classes
        [
            ("tracker/handlers/exports.py", "EXPORTERS"),
            ("tracker/exporters.py", "CsvExporter"),
            ("tracker/exporters.py", "JsonExporter"),
        ],
        [],
    ),
    (
        "shop",
        "api.products_product_list",  # RESTX resource behind a custom API-key decorator
        [
            ("shop/api/security.py", "api_key_required"),
            ("shop/api/products.py", "ProductList"),
            ("shop/models.py", "Product"),
        ],
        [],
    ),
    (
        "shop",
        "orders.checkout",  # a model-heavy view: services, cart helpers, the decorator
        [
            ("shop/orders/services.py", "place_order"),
            ("shop/orders/cart.py", "load_cart"),
            ("shop/orders/cart.py", "save_cart"),
            ("shop/auth/decorators.py", "login_required"),
        ],
        [],
    ),
    (
        "shop",
        "bp:orders",  # a whole blueprint: its views and what they use
        [
            ("shop/orders/views.py", "checkout"),
            ("shop/orders/views.py", "cancel"),
            ("shop/orders/services.py", "place_order"),
            ("shop/orders/services.py", "cancel_order"),
            ("shop/orders/cart.py", "load_cart"),
            ("shop/auth/decorators.py", "login_required"),
        ],
        [],
    ),
    (
        "shop",
        "shop/catalog/views.py",  # a file
        [("shop/models.py", "Product"), ("shop/extensions.py", "db")],
        [],
    ),
    (
        "shop",
        "shop/orders/services.py:16-30",  # a line range
        [
            ("shop/orders/services.py", "OutOfStockError"),
            ("shop/notifications.py", "send_order_confirmation"),
        ],
        [],
    ),
    (
        "redash",
        "query_fork",  # BaseResource's class-level decorators guard the route
        [("redash/handlers/base.py", "BaseResource")],
        [],
    ),
    (
        "flasky",
        "api.new_post",  # a decorator factory
        [("app/api/decorators.py", "permission_required")],
        [],
    ),
    (
        "cookiecutter_flask",
        "user.members",  # Flask-Login's own login_required: the project's user_loader decides
        [("my_flask_app/public/views.py", "load_user")],
        [],
    ),
    (
        "microblog",
        "api.get_users",  # Flask-HTTPAuth token guard: the auth object is sent
        [("app/api/auth.py", "token_auth")],
        [],
    ),
]


@pytest.mark.parametrize(
    ("project", "target", "wanted", "unwanted"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_the_definitions_the_selection_needs_are_sent_whole(
    tracker: Path, project: str, target: str, wanted: list, unwanted: list[str]
) -> None:
    """Each named definition is in the request, uncut; the named noise is not."""
    root = {"tracker": tracker, "shop": SHOP}.get(project) or REALWORLD / project
    request = request_for(root, target)
    for file, name in wanted:
        assert_sent_whole(request, root, file, name)
    message = render_user_message(request)
    for text in unwanted:
        assert text not in message


def test_a_big_class_is_trimmed_to_the_members_used_and_says_what_it_left_out(
    tracker: Path,
) -> None:
    """Query is sent as its header, columns and the two methods used; the rest is named."""
    request = request_for(tracker, "query_fork")
    piece = request.piece("def:tracker/models.py:Query")
    assert piece is not None and piece.included
    assert "other members not shown: helper_0, helper_1" in piece.text
    assert "def helper_31(self)" not in piece.text
    assert "org_id = db.Column(db.Integer, index=True)" in piece.text


def test_second_hop_helpers_do_not_crowd_out_the_factory_and_config(tracker: Path) -> None:
    """A 150-line second-hop helper is the first thing left out, never the factory or config."""
    project = read_project(tracker, use_cache=False)
    selection = resolve_target(project, "query_fork")
    request = build_request(project, selection, Settings(token_budget=1500))
    kinds = {p.kind for p in request.pieces if p.included}
    assert {"factory", "config"} <= kinds
    helper = request.piece("def:tracker/formatting.py:pretty_name")
    assert helper is not None and not helper.included


def test_registration_is_sent_once_and_hooks_are_bounded(tracker: Path) -> None:
    """The blueprint registration appears once (inside the factory); hooks stay few."""
    request = request_for(tracker, "api.revoke_token")
    message = render_user_message(request)
    assert message.count("app.register_blueprint(api_bp") == 1
    assert len([p for p in request.pieces if p.kind == "hook"]) <= 6
    config = [p.file for p in request.pieces if p.kind == "config"]
    assert config == ["tracker/settings.py"]


def test_classes_in_a_registry_count_as_used_directly(tracker: Path) -> None:
    """EXPORTERS[fmt]() runs the registered classes: they rank as used, not as a second hop."""
    request = request_for(tracker, "tracker/handlers/exports.py:8-12")
    for name in ("CsvExporter", "JsonExporter"):
        piece = request.piece(f"def:tracker/exporters.py:{name}")
        assert piece is not None and piece.score >= 0.85 and "second hop" not in piece.reason
