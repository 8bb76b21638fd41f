"""Patterns of real projects beyond (rule, methods): what the reproductions in tests/realworld
show about kinds, decorators, factories and control flow. Rules and methods themselves are
checked against real Flask by tests/realworld; these check the other fields the review and the
rules read, and the interpreter's control flow on small projects."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from architect_tui.analysis import read_project

REALWORLD = Path(__file__).resolve().parents[2] / "realworld"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


def test_add_url_rule_without_a_view_is_listed_as_missing() -> None:
    """flaskr's ``app.add_url_rule("/", endpoint="index")``: in url_map, with no view yet."""
    project = read_project(REALWORLD.parent / "fixtures" / "clean_apps" / "flaskr", use_cache=False)
    index = project.route_by_endpoint("index")
    assert index is not None
    assert (index.rule, index.methods, index.kind, index.blueprint) == (
        "/",
        ("GET",),
        "missing",
        None,
    )
    assert index.span.file == "flaskr/__init__.py"
    assert project.route_by_endpoint("blog.index").kind == "function"


def test_inherited_method_decorators_reach_the_route() -> None:
    """lemur's resources inherit ``method_decorators = [login_required]``."""
    project = read_project(REALWORLD / "lemur", use_cache=False)
    users = project.route_by_endpoint("users.users")
    assert users is not None and users.kind == "restful"
    assert "login_required" in users.decorators
    assert "validate_schema(None, None) (on post)" in users.decorators
    health = project.route_by_endpoint("healthCheck.health")
    assert health is not None and "login_required" not in health.decorators


def test_class_decorators_and_per_method_dict(tmp_path: Path) -> None:
    """``decorators = [...]`` on a MethodView and Flask-RESTful's ``{"get": [...]}`` form."""
    root = _write(
        tmp_path,
        {
            "app.py": """
                from flask import Flask
                from flask.views import MethodView
                from flask_restful import Api, Resource

                from auth import login_required, admin_only

                app = Flask(__name__)
                api = Api(app)

                class Base(MethodView):
                    decorators = [login_required]

                class Items(Base):
                    def get(self):
                        return ""

                class Thing(Resource):
                    method_decorators = {"post": [admin_only]}

                    def get(self):
                        return ""

                    def post(self):
                        return ""

                app.add_url_rule("/items", view_func=Items.as_view("items"))
                api.add_resource(Thing, "/thing")
            """,
            "auth.py": "def login_required(f):\n    return f\n\n\ndef admin_only(f):\n    return f\n",
        },
    )
    project = read_project(root, use_cache=False)
    assert project.route_by_endpoint("items").decorators == ("login_required",)
    assert project.route_by_endpoint("thing").decorators == ("admin_only (on post)",)


def test_factory_called_bare_at_import_does_not_hide_the_web_factory(tmp_path: Path) -> None:
    """lemur: a worker module calls the inner factory with no blueprints at import time; the
    outer factory then passes them. The map keeps the app of the call that says the most."""
    root = _write(
        tmp_path,
        {
            "pkg/__init__.py": """
                from pkg import factory
                from pkg.views import bp

                BLUEPRINTS = (bp,)

                def create_app(config_path=None):
                    return factory.create_app(app_name=__name__, blueprints=BLUEPRINTS)
            """,
            "pkg/factory.py": """
                from flask import Flask, Blueprint

                health = Blueprint("health", __name__)

                @health.route("/healthcheck")
                def check():
                    return "ok"

                DEFAULT_BLUEPRINTS = (health,)

                def create_app(app_name=None, blueprints=None):
                    if not blueprints:
                        blueprints = DEFAULT_BLUEPRINTS
                    else:
                        blueprints = blueprints + DEFAULT_BLUEPRINTS
                    app = Flask(app_name or __name__)
                    for bp in blueprints:
                        app.register_blueprint(bp, url_prefix="/api/1")
                    return app
            """,
            "pkg/views.py": """
                from flask import Blueprint

                bp = Blueprint("users", __name__)

                @bp.route("/users")
                def users():
                    return ""
            """,
            "pkg/worker.py": """
                from flask import current_app
                from pkg.factory import create_app

                if current_app:
                    flask_app = current_app
                else:
                    flask_app = create_app()
            """,
        },
    )
    project = read_project(root, use_cache=False)
    rules = sorted(r.rule for r in project.routes if r.endpoint != "static")
    assert rules == ["/api/1/healthcheck", "/api/1/users"]
    assert len(project.apps) == 1
    assert not [d for d in project.diagnostics if "never registered" in d.message]


def test_a_branch_that_raises_leaves_the_other_path(tmp_path: Path) -> None:
    """A helper that raises on one branch returns on the other; a call whose every path
    raises still lets its caller go on."""
    root = _write(
        tmp_path,
        {
            "app.py": """
                import os
                from flask import Flask

                def prefix():
                    if os.path.isfile("/etc/legacy-api"):
                        raise RuntimeError("v1 is gone")
                    else:
                        return "/v2"

                def section():
                    try:
                        raise KeyError("SECTION")
                    except KeyError:
                        return "/items"

                def configure(app):
                    try:
                        app.config.from_envvar("CONF")
                    except RuntimeError:
                        pass
                    raise ValueError("always")

                app = Flask(__name__)
                configure(app)

                @app.route(prefix() + section())
                def items():
                    return ""
            """,
        },
    )
    project = read_project(root, use_cache=False)
    assert [r.rule for r in project.routes if r.endpoint == "items"] == ["/v2/items"]


def test_unknown_decorators_keep_the_view() -> None:
    """APIFlask's ``@bp.output(PetOut)`` under the route: the view keeps its name and lines."""
    project = read_project(REALWORLD / "apiflask", use_cache=False)
    get_pet = project.route_by_endpoint("pet.get_pet")
    assert get_pet is not None and get_pet.view == "get_pet" and get_pet.kind == "function"
    assert get_pet.decorators == ("pet_bp.get('/pets/<int:pet_id>')", "pet_bp.output(PetOut)")
    lines = (REALWORLD / "apiflask" / "app.py").read_text(encoding="utf-8").splitlines()
    first = lines.index('@pet_bp.get("/pets/<int:pet_id>")') + 1
    assert (get_pet.span.file, get_pet.span.line, get_pet.span.end_line) == (
        "app.py",
        first,
        lines.index('@pet_bp.get("/pets")') - 2,
    )
    spec = project.route_by_endpoint("openapi.spec")
    assert spec is not None and spec.rule == "/openapi.json"


def test_flask_admin_views_point_at_their_code() -> None:
    """A view's own ``@expose`` methods are its routes' code; inherited ModelView routes point
    at the ``add_view`` call that made them."""
    project = read_project(REALWORLD / "flask_admin", use_cache=False)
    own = project.route_by_endpoint("anotheradminview.test")
    assert own is not None and (own.rule, own.kind, own.view) == (
        "/admin/anotheradminview/test/",
        "view_class",
        "test",
    )
    assert own.span.file == "admin/main.py"
    assert own.decorators == ("expose('/test/')",)
    inherited = project.route_by_endpoint("post.create_view")
    assert inherited is not None and inherited.methods == ("GET", "POST")
    lines = (REALWORLD / "flask_admin" / "admin" / "main.py").read_text().splitlines()
    assert inherited.span.line == lines.index("admin.add_view(PostAdmin(db.session))") + 1


def test_flask_classful_routes_carry_the_class_decorators() -> None:
    """``decorators = [login_required]`` on a FlaskView wraps every route of the class."""
    project = read_project(REALWORLD / "flask_classful", use_cache=False)
    random = project.route_by_endpoint("QuotesView:random")
    assert random is not None and random.decorators == ("route('/word_bacon/')", "login_required")
    things = project.route_by_endpoint("ThingsView:search")
    assert things is not None and things.decorators == ()
    assert project.route_by_endpoint("api.ItemsView:get").blueprint == "api"


def test_only_modules_that_can_register_run_unasked(tmp_path: Path) -> None:
    """A module of plain bindings runs when imported; one that calls something runs anyway
    (a ``wsgi.py`` calling the factory with its config), even with no Flask word in it."""
    from architect_tui.analysis.facts import extract_facts

    plain = b'"""Constants."""\nimport os\n\nPREFIX = "/v3"\n\n\nclass Settings:\n    LIMIT = 5\n\n    @property\n    def x(self):\n        return 1\n'
    assert extract_facts("c.py", "c", False, plain).inert
    for busy in (b"from pkg import make\nthing = make('prod')\n", b"@cache\ndef f():\n    pass\n"):
        assert not extract_facts("w.py", "w", False, busy).inert
    root = _write(
        tmp_path,
        {
            "pkg/__init__.py": """
                from flask import Flask
                from pkg.constants import PREFIX

                def make(config_name=None):
                    app = Flask(__name__)
                    if config_name == "prod":
                        app.add_url_rule(PREFIX + "/health", "health", lambda: "ok")
                    return app
            """,
            "pkg/constants.py": 'PREFIX = "/v3"\n',
            "wsgi.py": "from pkg import make\n\napplication = make('prod')\n",
        },
    )
    project = read_project(root, use_cache=False)
    assert [r.rule for r in project.routes if r.endpoint == "health"] == ["/v3/health"]


def test_a_package_that_re_exports_its_module_runs_it_first(tmp_path: Path) -> None:
    """ihatemoney: ``api/v1/__init__.py`` is only ``from .resources import api``; reading
    ``resources.py`` first must not leave the package with an empty module."""
    root = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/api/__init__.py": "from .resources import api\n\n__all__ = ['api']\n",
            "pkg/api/resources.py": """
                from flask import Blueprint

                api = Blueprint("api", __name__, url_prefix="/api")

                @api.route("/things")
                def things():
                    return ""
            """,
            "pkg/run.py": """
                from flask import Flask
                from pkg.api import api as apiv1

                def create_app():
                    app = Flask(__name__)
                    app.register_blueprint(apiv1)
                    return app
            """,
        },
    )
    project = read_project(root, use_cache=False)
    assert [r.rule for r in project.routes if r.endpoint == "api.things"] == ["/api/things"]
    assert not [d for d in project.diagnostics if d.severity == "warning"]
