"""The context builder over a real Flask project on disk (hand-made map)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import resolve_target
from architect_tui.config import Settings
from architect_tui.review.context import build_request, render_user_message
from architect_tui.review.model import ReviewRequest
from architect_tui.review.render import numbered
from architect_tui.review.tokens import estimate_tokens
from architect_tui.secrets import WithheldError


def build(shop: ProjectMap, target: str = "orders.create", **kwargs) -> ReviewRequest:
    settings = kwargs.pop("settings", Settings())
    return build_request(shop, resolve_target(shop, target), settings, **kwargs)


def titles(request: ReviewRequest) -> list[str]:
    return [p.title for p in request.pieces]


def test_selection_is_numbered_with_its_path(shop: ProjectMap) -> None:
    """The selected lines, exactly, each prefixed ``NNN| `` with the real line number."""
    request = build(shop)
    selection = request.pieces[0]
    assert (selection.kind, selection.file, selection.start, selection.end) == (
        "selection",
        "shop/orders/views.py",
        12,
        17,
    )
    assert selection.required
    assert ' 12| @bp.route("/", methods=["POST"])' in selection.text
    assert " 17|     return jsonify(id=order.id), 200" in selection.text
    assert " 18|" not in selection.text and " 11|" not in selection.text


def test_route_facts_list_rule_methods_prefixes_decorators_and_hooks(shop: ProjectMap) -> None:
    """The facts piece carries what the static reader knows about the route."""
    facts = next(p for p in build(shop).pieces if p.kind == "facts")
    for expected in (
        "rule: /orders/",
        "methods: POST",
        "endpoint: orders.create",
        "prefix chain: /orders",
        "@login_required",
        "registered at: shop/orders/views.py:12",
        "before_request: load_user",
    ):
        assert expected in facts.text


def test_definitions_used_by_the_selection_are_resolved_through_imports(
    shop: ProjectMap,
) -> None:
    """The decorator, the model (via ``models.User``) and the service come from their files."""
    request = build(shop)
    by_title = {p.title: p for p in request.pieces}
    login = by_title["def login_required"]
    assert (login.file, login.start, login.end) == ("shop/auth/decorators.py", 6, 13)
    assert login.score > by_title["class User"].score  # a decorator ranks above a plain use
    assert by_title["class User"].file == "shop/models.py"
    assert by_title["def create_order"].file == "shop/services/orders.py"
    # Second hop: the service uses Order and db.
    assert by_title["class Order"].reason.endswith("(second hop)")
    assert "name db" in by_title
    # The unselected view in the same file is not context.
    assert not any("index" in t for t in titles(request))


def test_blueprint_factory_hook_and_config_are_included(shop: ProjectMap) -> None:
    """The blueprint, its registration, the factory and the config make it in a roomy budget."""
    request = build(shop)
    kinds = {p.kind for p in request.pieces if p.included}
    assert {"hook", "factory", "config"} <= kinds
    factory = next(p for p in request.pieces if p.kind == "factory")
    assert "def create_app" in factory.text and factory.file == "shop/__init__.py"
    # the registration sits inside the factory: sent once, there, not also on its own
    assert "app.register_blueprint(orders_bp" in factory.text
    assert render_user_message(request).count("app.register_blueprint(orders_bp") == 1
    assert request.piece("bpreg:orders") is None


def test_secrets_are_redacted_and_counted(shop: ProjectMap) -> None:
    """Config secrets and the token in the views become placeholders; values never appear."""
    request = build(shop, "shop/orders/views.py")
    message = render_user_message(request)
    for secret in ("k3y-for-real-9f8e7d6c", "hunter2pass", "ghp_abcdefghijklmnop"):
        assert secret not in message
    assert "«REDACTED:" in message
    assert request.redaction_count == 3
    files = {r.file for r in request.redactions}
    assert files == {"shop/config.py", "shop/orders/views.py"}
    assert 'MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "dev")' in message


def test_secret_files_are_never_sent_even_when_selected(shop: ProjectMap) -> None:
    """Selecting ``.env`` builds no request at all: a clear refusal naming the file."""
    with pytest.raises(WithheldError) as refused:
        build(shop, "shop/.env")
    assert "shop/.env is never sent to the model" in str(refused.value)
    assert "do-not-send-this-value" not in str(refused.value)


def test_budget_cut_keeps_the_most_relevant_and_lists_the_rest(shop: ProjectMap) -> None:
    """A small budget keeps decorators first, leaves the config out, and says what is missing."""
    full = build(shop)
    decorator = next(p for p in full.pieces if p.title == "def login_required")
    request = build(shop, settings=replace(Settings(), token_budget=decorator.tokens + 30))
    included = {p.title for p in request.pieces if p.included}
    assert "def login_required" in included
    assert "Selected: orders.create" in included and "Route facts" in included  # required
    config = next(p for p in request.pieces if p.kind == "config")
    assert not config.included and "over the token budget" in config.reason
    optional = sum(p.tokens for p in request.pieces if p.included and not p.required)
    assert optional <= request.budget
    message = render_user_message(request)
    assert "<not_included>" in message and "config shop/config.py" in message
    assert "SECRET_KEY" not in message


def test_toggling_a_piece_rerenders_the_message(shop: ProjectMap) -> None:
    """The UI turns a piece off; the next render leaves it out and the estimate drops."""
    request = build(shop)
    before = request.tokens
    assert "def create_order" in render_user_message(request)
    piece = next(p for p in request.pieces if p.title == "def create_order")
    assert request.set_included(piece.id, False) is False
    assert "def create_order(user, total):" not in render_user_message(request)
    assert request.tokens == before - piece.tokens
    assert request.set_included("selection", False) is True  # required: stays in


def test_overview_summarises_apps_blueprints_and_routes(shop: ProjectMap) -> None:
    """The cached overview names the factory, the blueprint prefix and every route."""
    overview = build(shop).overview
    assert "app: factory create_app() at shop/__init__.py:7" in overview
    assert "orders: prefix /orders" in overview
    assert "POST /orders/ -> orders.create" in overview
    assert "GET /orders/ -> orders.index" in overview


def test_ask_replaces_the_review_task_and_hints_are_passed(shop: ProjectMap) -> None:
    """--ask puts the user's question first; hints travel in their own section."""
    request = build(shop, ask="Move the SQL into a service?", hints=["AR101 at views.py:15"])
    message = render_user_message(request)
    assert message.startswith("The user asks about `orders.create`:\n\nMove the SQL")
    assert "<hints>" in message and "AR101 at views.py:15" in message
    assert "ask.md" in " ".join(request.prompt_files)


def test_blueprint_selection_includes_its_routes(shop: ProjectMap) -> None:
    """bp:orders selects the blueprint's file and lists every route's facts."""
    request = build(shop, "bp:orders")
    facts = next(p for p in request.pieces if p.kind == "facts")
    assert "Blueprint orders" in facts.text
    assert "orders.create" in facts.text and "orders.index" in facts.text
    views = [p for p in request.pieces if p.kind == "view"]
    assert {p.title for p in views} == {"view orders.create", "view orders.index"}


def test_relative_imports_and_reexports_resolve(tmp_path: Path) -> None:
    """``from .helpers import x`` and a name re-exported by ``__init__`` are followed."""
    files = {
        "app/__init__.py": "",
        "app/util/__init__.py": "from .money import cents\n",
        "app/util/money.py": "def cents(value):\n    return int(value * 100)\n",
        "app/api/__init__.py": "",
        "app/api/helpers.py": "def paginate(q):\n    return q.limit(10)\n",
        "app/api/views.py": (
            "from .helpers import paginate\nfrom app.util import cents\n\n\n"
            "def listing(q):\n    return paginate(q), cents(1.5)\n"
        ),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    project = ProjectMap(root=tmp_path)
    request = build(project, "app/api/views.py:5-6")
    found = {p.title: p.file for p in request.pieces if p.kind == "definition"}
    assert found == {"def paginate": "app/api/helpers.py", "def cents": "app/util/money.py"}


def test_unparsable_file_still_sends_the_selection(tmp_path: Path) -> None:
    """A syntax error costs the related code, not the review."""
    (tmp_path / "broken.py").write_text("def f(:\n    pass\n")
    request = build(ProjectMap(root=tmp_path), "broken.py")
    assert [p.kind for p in request.pieces] == ["selection"]
    assert "  1| def f(:" in request.pieces[0].text


def test_numbered_and_token_estimate() -> None:
    """Line numbers right-align to the widest; the estimate is ceil(len/3.5)."""
    assert numbered(["a", "b"], 99) == " 99| a\n100| b"
    assert estimate_tokens("") == 0
    assert estimate_tokens("x" * 7) == 2
    assert estimate_tokens("x" * 8) == 3


def test_files_outside_the_project_are_never_read(tmp_path: Path) -> None:
    """An absolute path or a symlink out of the project sends nothing of the outside file."""
    outside = tmp_path / "outside.py"
    outside.write_text("PRIVATE = 'outside the project'\n")
    root = tmp_path / "proj"
    root.mkdir()
    (root / "link.py").symlink_to(outside)
    from architect_tui.analysis.selection import Selection

    for file in ("link.py", str(outside)):
        request = build_request(ProjectMap(root=root), Selection("file", file), Settings())
        assert "outside the project" not in render_user_message(request)


def test_a_huge_file_selection_is_capped_with_a_note(tmp_path: Path) -> None:
    """A 3000-line module sends its first 2000 lines and says so."""
    (tmp_path / "big.py").write_text("".join(f"x{i} = {i}\n" for i in range(3000)))
    request = build(ProjectMap(root=tmp_path), "big.py")
    selection = request.pieces[0]
    assert selection.end == 2000 and "first 2000 lines" in selection.title
    assert "2000| x1999 = 1999" in selection.text and "x2000 = 2000" not in selection.text
