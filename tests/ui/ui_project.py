"""A small Flask project on disk and the map the static reader gives for it, built by hand so the
UI tests do not depend on the reader's progress (the reader has its own tests)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from architect_tui.analysis.model import (
    App,
    Blueprint,
    Diagnostic,
    Hook,
    ProjectMap,
    Route,
    SourceSpan,
)
from architect_tui.ui.app import ArchitectApp

FILES: dict[str, str] = {
    "shop/__init__.py": """from flask import Flask

from shop.api import api_bp
from shop.auth import bp as auth_bp


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev")
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(api_bp, url_prefix="/api")

    @app.before_request
    def load_user():
        pass

    @app.errorhandler(404)
    def not_found(error):
        return {"error": "not found"}, 404

    @app.route("/")
    def index():
        return "shop"

    return app
""",
    "shop/auth.py": """from flask import Blueprint, request

from shop.security import login_required

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        return "posted"
    return "form"


@bp.route("/logout")
@login_required
def logout():
    return "bye"


@bp.route("/profile")
@login_required
def profile():
    return "me"


@bp.route("/settings", methods=["POST"])
def settings():
    return "saved"
""",
    "shop/api.py": """from flask import Blueprint

api_bp = Blueprint("api", __name__)


@api_bp.get("/items")
def list_items():
    return []


@api_bp.delete("/items/<int:item_id>")
def delete_item(item_id):
    return "", 204
""",
    "shop/security.py": """import functools


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapped
""",
    "shop/models.py": """class Item:
    def __init__(self, name):
        self.name = name
""",
}


def _span(file: str, line: int, end: int) -> SourceSpan:
    return SourceSpan(file, line, end)


def write_project(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def shop_map(root: Path) -> ProjectMap:
    """What the reader reports for ``FILES``."""
    hooks = (
        Hook("before_request", "app", "app", "load_user", _span("shop/__init__.py", 13, 15)),
        Hook(
            "errorhandler",
            "app",
            "app",
            "not_found",
            _span("shop/__init__.py", 17, 19),
            error="404",
        ),
    )
    app = App("app", "create_app", _span("shop/__init__.py", 7, 25))
    auth = Blueprint(
        "auth",
        "auth",
        _span("shop/auth.py", 5, 5),
        "bp",
        "/auth",
        "/auth",
        None,
        "app",
        registered_at=_span("shop/__init__.py", 10, 10),
    )
    api = Blueprint(
        "api",
        "api",
        _span("shop/api.py", 3, 3),
        "api_bp",
        "/api",
        "/api",
        None,
        "app",
        registered_at=_span("shop/__init__.py", 11, 11),
    )
    routes = [
        Route(
            "/auth/login",
            ("GET", "POST"),
            "auth.login",
            "auth",
            "login",
            "function",
            _span("shop/auth.py", 8, 12),
            "app",
            ("bp.route('/login', methods=['GET', 'POST'])",),
            ("/auth",),
            _span("shop/auth.py", 8, 8),
            hooks,
        ),
        Route(
            "/auth/logout",
            ("GET",),
            "auth.logout",
            "auth",
            "logout",
            "function",
            _span("shop/auth.py", 15, 18),
            "app",
            ("bp.route('/logout')", "login_required"),
            ("/auth",),
            _span("shop/auth.py", 15, 15),
            hooks,
        ),
        Route(
            "/auth/profile",
            ("GET",),
            "auth.profile",
            "auth",
            "profile",
            "function",
            _span("shop/auth.py", 21, 24),
            "app",
            ("bp.route('/profile')", "login_required"),
            ("/auth",),
            _span("shop/auth.py", 21, 21),
            hooks,
        ),
        Route(
            "/auth/settings",
            ("POST",),
            "auth.settings",
            "auth",
            "settings",
            "function",
            _span("shop/auth.py", 27, 29),
            "app",
            ("bp.route('/settings', methods=['POST'])",),
            ("/auth",),
            _span("shop/auth.py", 27, 27),
            hooks,
        ),
        Route(
            "/api/items",
            ("GET",),
            "api.list_items",
            "api",
            "list_items",
            "function",
            _span("shop/api.py", 6, 8),
            "app",
            ("api_bp.get('/items')",),
            ("/api",),
            _span("shop/api.py", 6, 6),
            hooks,
        ),
        Route(
            "/api/items/<int:item_id>",
            ("DELETE",),
            "api.delete_item",
            "api",
            "delete_item",
            "function",
            _span("shop/api.py", 11, 13),
            "app",
            ("api_bp.delete('/items/<int:item_id>')",),
            ("/api",),
            _span("shop/api.py", 11, 11),
            hooks,
        ),
        Route(
            "/",
            ("GET",),
            "index",
            None,
            "index",
            "function",
            _span("shop/__init__.py", 21, 23),
            "app",
            ("app.route('/')",),
            (),
            _span("shop/__init__.py", 21, 21),
            hooks,
        ),
    ]
    return ProjectMap(
        root=root,
        apps=[app],
        blueprints=[auth, api],
        routes=routes,
        hooks=list(hooks),
        diagnostics=[
            Diagnostic("info", "shop/models.py", 1, "no routes in this module"),
        ],
        files=sorted(FILES),
    )


async def settle(pilot: Pilot) -> None:
    """Wait until every worker (read, git, tree fills) and the messages they post are done."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("workers did not settle")


class RecordingApp(ArchitectApp):
    """The app, keeping every notification's text (toasts expire: a slow run must not lose
    the one a test looks for)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.notes: list[str] = []

    def notify(self, message: str, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        self.notes.append(message)
        super().notify(message, *args, **kwargs)  # type: ignore[arg-type]
