"""Beyond rules: spans, decorators, hooks pipelines, registration sites, cache behaviour."""

from __future__ import annotations

import shutil
from pathlib import Path

from architect_tui.analysis import read_project
from architect_tui.analysis.cache import cache_dir

from .conftest import FIXTURES


def test_view_span_includes_decorators_and_lists_them() -> None:
    """The span starts at the first decorator; decorators are kept as written."""
    project = read_project(FIXTURES / "factory_blueprints", use_cache=False)
    me = project.route_by_endpoint("auth.me")
    assert me is not None
    assert (me.span.file, me.span.line, me.span.end_line) == ("shopx/auth/routes.py", 18, 21)
    assert me.decorators == ("bp.get('/me')", "login_required")
    assert me.registered_at is not None and me.registered_at.line == 18
    assert me.prefix_chain == ("/auth",)


def test_hooks_pipeline_app_then_blueprint() -> None:
    """App hooks and app-wide blueprint hooks run for every route; blueprint hooks only for
    that blueprint's routes."""
    project = read_project(FIXTURES / "hooks", use_cache=False)
    cart = project.route_by_endpoint("shop.cart")
    other = project.route_by_endpoint("other.o")
    assert cart is not None and other is not None
    cart_hooks = [(h.kind, h.function) for h in cart.hooks]
    other_hooks = [(h.kind, h.function) for h in other.hooks]
    assert ("before_request", "require_login") in cart_hooks
    assert ("errorhandler", "shop_404") in cart_hooks
    assert ("before_request", "require_login") not in other_hooks
    for hooks in (cart_hooks, other_hooks):
        assert ("after_request", "add_headers") in hooks
        assert ("context_processor", "inject") in hooks
        assert ("errorhandler", "handle_500") in hooks
        assert ("before_app_request", "everywhere") in hooks
    errors = {h.function: h.error for h in project.hooks if h.kind == "errorhandler"}
    assert errors == {"shop_404": "404", "handle_500": "500"}


def test_kinds() -> None:
    """Function, view class, RESTful, RESTX and static routes are told apart."""
    kinds = {}
    for name in ("method_views", "restful", "restx", "module_app"):
        for r in read_project(FIXTURES / name, use_cache=False).routes:
            kinds[r.endpoint] = r.kind
    assert kinds["users.user_api"] == "view_class"
    assert kinds["api.todo_item"] == "restful"
    assert kinds["api.users_user"] == "restx"
    assert kinds["static"] == "static"
    assert kinds["index"] == "function"


def test_warm_read_equals_cold_and_a_changed_file_is_reread(tmp_path: Path) -> None:
    """The cache returns the same map; editing one file changes the map."""
    project_dir = tmp_path / "proj"
    shutil.copytree(FIXTURES / "factory_blueprints", project_dir)
    cold = read_project(project_dir)
    warm = read_project(project_dir)
    assert warm.to_json() == cold.to_json()
    views = project_dir / "shopx" / "views.py"
    views.write_text(views.read_text().replace('"/items/<int:item_id>"', '"/things/<int:item_id>"'))
    changed = read_project(project_dir)
    rules = {r.rule for r in changed.routes}
    assert "/api/v1/things/<int:item_id>" in rules and "/api/v1/items/<int:item_id>" not in rules


def test_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    """A damaged cache file is read as no cache, never as a crash."""
    project_dir = tmp_path / "proj"
    shutil.copytree(FIXTURES / "module_app", project_dir)
    first = read_project(project_dir)
    for pack in cache_dir().glob("*.pickle"):
        pack.write_bytes(b"not a pickle")
    again = read_project(project_dir)
    assert again.to_json() == first.to_json()


def test_process_pool_gives_the_same_map(monkeypatch) -> None:
    """Big projects are parsed on two worker processes; the map must not depend on it."""
    from architect_tui.analysis import reader

    sequential = read_project(FIXTURES / "restx", use_cache=False).to_json()
    monkeypatch.setattr(reader, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(reader, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setenv("ARCHITECT_WORKERS", "2")
    assert read_project(FIXTURES / "restx", use_cache=False).to_json() == sequential


def test_flask_smorest_api_registers_on_its_app(tmp_path: Path) -> None:
    """flask-smorest: ``api.register_blueprint(blp)`` puts the blueprint on the api's app,
    with the Api made at import time and bound in the factory; MethodView classes give methods."""
    (tmp_path / "app.py").write_text(
        "from flask import Flask\n"
        "from flask.views import MethodView\n"
        "from flask_smorest import Api, Blueprint\n\n"
        "api = Api()\n"
        "blp = Blueprint('pets', __name__, url_prefix='/pets')\n\n\n"
        "@blp.route('/')\n"
        "class Pets(MethodView):\n"
        "    @blp.response(200)\n"
        "    def get(self):\n        return []\n\n"
        "    def post(self):\n        return {}\n\n\n"
        "def create_app():\n"
        "    app = Flask(__name__)\n"
        "    api.init_app(app)\n"
        "    api.register_blueprint(blp)\n"
        "    return app\n",
        encoding="utf-8",
    )
    project = read_project(tmp_path, use_cache=False)
    pets = project.route_by_endpoint("pets.Pets")
    assert pets is not None
    assert (pets.rule, pets.methods, pets.kind) == ("/pets/", ("GET", "POST"), "view_class")


def test_optional_app_wrappers_are_not_run(tmp_path: Path) -> None:
    """A function that takes the app, adds routes and returns it is an optional entry point
    (MLflow's basic-auth ``create_app(app)``): not run unless called. A plugin hook that only
    registers (``load(app)``) is run, as a plugin loader would at start-up."""
    (tmp_path / "server.py").write_text(
        "from flask import Flask\n\napp = Flask(__name__)\n\n\n"
        "@app.route('/main')\ndef main():\n    return ''\n",
        encoding="utf-8",
    )
    (tmp_path / "auth.py").write_text(
        "from server import app as main_app\n\n\n"
        "def signup():\n    return ''\n\n\n"
        "def create_app(app=main_app):\n"
        "    app.add_url_rule('/signup', view_func=signup)\n"
        "    return app\n",
        encoding="utf-8",
    )
    (tmp_path / "plugin.py").write_text(
        "def hello():\n    return ''\n\n\n"
        "def load(app):\n    app.add_url_rule('/hello', view_func=hello)\n",
        encoding="utf-8",
    )
    rules = {r.rule for r in read_project(tmp_path, use_cache=False).routes}
    assert {"/main", "/hello"} <= rules
    assert "/signup" not in rules


def test_side_apps_are_not_mixed_in(tmp_path: Path) -> None:
    """An uncalled factory of a side app (a model scoring server) is never called, with or
    without an app made at import time; an uncalled ``create_app`` always is."""
    (tmp_path / "scoring.py").write_text(
        "import flask\n\n\ndef init(model):\n    app = flask.Flask(__name__)\n\n"
        "    @app.route('/invocations', methods=['POST'])\n    def invocations():\n        return ''\n\n"
        "    return app\n",
        encoding="utf-8",
    )
    (tmp_path / "factory.py").write_text(
        "from flask import Flask\n\n\ndef create_app():\n    app = Flask(__name__)\n\n"
        "    @app.route('/home')\n    def home():\n        return ''\n\n    return app\n",
        encoding="utf-8",
    )
    rules = {r.rule for r in read_project(tmp_path, use_cache=False).routes}
    assert "/home" in rules and "/invocations" not in rules
    (tmp_path / "wsgi.py").write_text(
        "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route('/main')\ndef main():\n    return ''\n",
        encoding="utf-8",
    )
    rules = {r.rule for r in read_project(tmp_path, use_cache=False).routes}
    assert "/main" in rules and "/home" in rules and "/invocations" not in rules


def test_class_view_decorators_are_listed(tmp_path: Path) -> None:
    """A Resource's method_decorators and a MethodView's per-method decorators show up."""
    (tmp_path / "app.py").write_text(
        "from flask import Flask\nfrom flask.views import MethodView\n"
        "from flask_restful import Api, Resource\n\nfrom auth import login_required\n\n"
        "app = Flask(__name__)\napi = Api(app)\n\n\n"
        "class Secret(Resource):\n    method_decorators = [login_required]\n\n"
        "    def get(self):\n        return {}\n\n\n"
        "class Items(MethodView):\n    @login_required\n    def post(self):\n        return ''\n\n\n"
        "api.add_resource(Secret, '/secret')\n"
        "app.add_url_rule('/items', view_func=Items.as_view('items'))\n",
        encoding="utf-8",
    )
    project = read_project(tmp_path, use_cache=False)
    secret, items = project.route_by_endpoint("secret"), project.route_by_endpoint("items")
    assert secret is not None and items is not None
    assert secret.decorators == ("login_required",)
    assert items.decorators == ("login_required (on post)",)


def test_view_wrapped_by_a_direct_call_keeps_its_name(tmp_path: Path) -> None:
    """``view_func=login_required(view)`` with functools.wraps: the endpoint is the view's."""
    (tmp_path / "app.py").write_text(
        "import functools\n\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n"
        "def login_required(f):\n    @functools.wraps(f)\n    def wrapper(*a, **k):\n"
        "        return f(*a, **k)\n\n    return wrapper\n\n\n"
        "def profile():\n    return ''\n\n\n"
        "app.add_url_rule('/profile', view_func=login_required(profile))\n",
        encoding="utf-8",
    )
    route = read_project(tmp_path, use_cache=False).route_by_endpoint("profile")
    assert route is not None and route.view == "profile" and route.span.line == 16
