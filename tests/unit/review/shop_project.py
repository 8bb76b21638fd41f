"""A small Flask project on disk with a hand-made map, for the review tests.

The map is what the static reader reports for these files (checked by hand against the line
numbers below), so the context builder is tested without depending on the reader.
"""

from __future__ import annotations

from pathlib import Path

from architect_tui.analysis.model import App, Blueprint, Hook, ProjectMap, Route, SourceSpan

FILES: dict[str, str] = {
    "shop/__init__.py": """from flask import Flask

from shop.orders import bp as orders_bp


def create_app(config_name="default"):
    app = Flask(__name__)
    app.config.from_object("shop.config.Config")
    app.register_blueprint(orders_bp, url_prefix="/orders")

    @app.before_request
    def load_user():
        pass

    return app
""",
    "shop/config.py": """import os


class Config:
    SECRET_KEY = "k3y-for-real-9f8e7d6c"
    SQLALCHEMY_DATABASE_URI = "postgresql://shop:hunter2pass@db.internal:5432/shop"
    DEBUG = False
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "dev")
""",
    "shop/.env": "SECRET_KEY=do-not-send-this-value\n",
    "shop/deploy.pem": "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    "shop/auth/__init__.py": "",
    "shop/auth/decorators.py": """from functools import wraps

from flask import abort, g


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            abort(401)
        return view(*args, **kwargs)

    return wrapped
""",
    "shop/models.py": """from shop.extensions import db


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(200), unique=True)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    total = db.Column(db.Integer)
""",
    "shop/extensions.py": """from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
""",
    "shop/services/__init__.py": "",
    "shop/services/orders.py": """from shop.extensions import db
from shop.models import Order


def create_order(user, total):
    order = Order(user_id=user.id, total=total)
    db.session.add(order)
    db.session.commit()
    return order
""",
    "shop/orders/__init__.py": """from flask import Blueprint

bp = Blueprint("orders", __name__)

from shop.orders import views  # noqa: E402,F401
""",
    "shop/orders/views.py": """from flask import jsonify, request

from shop import models
from shop.auth.decorators import login_required
from shop.orders import bp
from shop.services.orders import create_order

PAGE_SIZE = 20
API_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"


@bp.route("/", methods=["POST"])
@login_required
def create():
    user = models.User.query.get(request.json["user_id"])
    order = create_order(user, request.json["total"])
    return jsonify(id=order.id), 200


@bp.route("/", methods=["GET"])
def index():
    rows = models.Order.query.limit(PAGE_SIZE).all()
    return jsonify([r.id for r in rows])
""",
}

VIEWS = "shop/orders/views.py"


def write_project(root: Path) -> ProjectMap:
    """Write the files under ``root`` and return the map the reader gives for them."""
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    hook = Hook("before_request", "app", "app", "load_user", SourceSpan("shop/__init__.py", 11, 13))
    bp = Blueprint(
        name="orders",
        full_name="orders",
        span=SourceSpan("shop/orders/__init__.py", 3, 3),
        variable="bp",
        url_prefix="/orders",
        full_prefix="/orders",
        parent=None,
        app="app",
        registered_at=SourceSpan("shop/__init__.py", 9, 9),
    )
    create = Route(
        rule="/orders/",
        methods=("POST",),
        endpoint="orders.create",
        blueprint="orders",
        view="create",
        kind="function",
        span=SourceSpan(VIEWS, 12, 17),
        app="app",
        decorators=('bp.route("/", methods=["POST"])', "login_required"),
        prefix_chain=("/orders",),
        registered_at=SourceSpan(VIEWS, 12, 12),
        hooks=(hook,),
    )
    index = Route(
        rule="/orders/",
        methods=("GET",),
        endpoint="orders.index",
        blueprint="orders",
        view="index",
        kind="function",
        span=SourceSpan(VIEWS, 20, 23),
        app="app",
        decorators=('bp.route("/", methods=["GET"])',),
        prefix_chain=("/orders",),
        registered_at=SourceSpan(VIEWS, 20, 20),
        hooks=(hook,),
    )
    return ProjectMap(
        root=root,
        apps=[App("app", "create_app", SourceSpan("shop/__init__.py", 7, 7))],
        blueprints=[bp],
        routes=[create, index],
        hooks=[hook],
        files=sorted(rel for rel in FILES if rel.endswith(".py")),
    )
