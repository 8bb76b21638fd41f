"""A redash-like project on disk for the context tests: what the reviewer must be shown.

- ``tracker/models.py``: a 300-line ``Query`` model whose ``fork`` and ``get_by_id_and_org``
  sit past line 150 (a cut by position loses them), among many methods nobody calls;
- ``tracker/handlers/queries.py``: a Flask-RESTful resource calling both, through
  ``models.Query.get_by_id_and_org(...)`` and ``query.fork(...)`` (an untyped receiver);
- ``tracker/handlers/base.py``: ``BaseResource`` with ``decorators = [login_required]`` (auth
  that is not a decorator on the view);
- ``tracker/api/``: a blueprint behind ``@token_auth.login_required`` whose meaning lives in
  the ``@token_auth.verify_token`` callback in ``tracker/api/auth.py``;
- ``tracker/templating/config.py``: a Jinja helper that happens to be named config.py, and
  ``tracker/settings.py``: the real configuration, named by ``config.from_object``;
- many helpers used only by other helpers (second hop), and several app-wide hooks.
"""

from __future__ import annotations

from pathlib import Path

FILLER_METHODS = "\n".join(
    f"""    def helper_{n}(self):
        \"\"\"Unused by the views: filler that a cut by position would send instead.\"\"\"
        value = self.name or ""
        return value.upper() + "{n}"
"""
    for n in range(32)
)

FILES: dict[str, str] = {
    "tracker/__init__.py": """from flask import Flask

from tracker.api import bp as api_bp
from tracker.extensions import db
from tracker.handlers import init_handlers


def create_app():
    app = Flask(__name__)
    app.config.from_object("tracker.settings")
    db.init_app(app)
    init_handlers(app)
    app.register_blueprint(api_bp, url_prefix="/api/v2")

    @app.before_request
    def start_timer():
        pass

    @app.after_request
    def add_headers(response):
        return response

    @app.teardown_request
    def close_session(exc):
        pass

    return app
""",
    "tracker/settings.py": """import os

SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite://")
SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
QUERY_RESULTS_TTL = 3600
""",
    "tracker/templating/__init__.py": "",
    "tracker/templating/config.py": """def config_value(context, name):
    \"\"\"A Jinja helper: reads a value for a template (not the app's configuration).\"\"\"
    return context.get(name)
""",
    "tracker/extensions.py": """from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
""",
    "tracker/authentication.py": """from functools import wraps

from flask import abort, g


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if getattr(g, "user", None) is None:
            abort(401)
        return view(*args, **kwargs)

    return wrapped
""",
    "tracker/models.py": """from tracker.extensions import db


class Query(db.Model):
    \"\"\"A saved query.\"\"\"

    id = db.Column(db.Integer, primary_key=True)
    org_id = db.Column(db.Integer, index=True)
    name = db.Column(db.String(255))
    query_text = db.Column(db.Text)

"""
    + FILLER_METHODS
    + """
    @classmethod
    def get_by_id_and_org(cls, query_id, org):
        return cls.query.filter(cls.id == query_id, cls.org_id == org.id).one()

    def fork(self, user):
        forked = Query(org_id=self.org_id, name="Copy of " + self.name, query_text=self.query_text)
        db.session.add(forked)
        return forked

    def archive(self, user=None):
        self.name = "[archived] " + self.name
""",
    "tracker/handlers/__init__.py": """from flask_restful import Api

from tracker.handlers.queries import QueryForkResource


def init_handlers(app):
    api = Api(app)
    api.add_resource(QueryForkResource, "/api/queries/<int:query_id>/fork", endpoint="query_fork")
""",
    "tracker/handlers/base.py": """from flask import g
from flask_restful import Resource

from tracker.authentication import login_required


class BaseResource(Resource):
    decorators = [login_required]

    @property
    def current_org(self):
        return g.org

    @property
    def current_user(self):
        return g.user
""",
    "tracker/handlers/queries.py": """from tracker import models
from tracker.handlers.base import BaseResource
from tracker.serializers import serialize_query


class QueryForkResource(BaseResource):
    def post(self, query_id):
        query = models.Query.get_by_id_and_org(query_id, self.current_org)
        forked = query.fork(self.current_user)
        models.db.session.commit()
        return serialize_query(forked)
""",
    "tracker/serializers.py": """from tracker.formatting import pretty_name


def serialize_query(query):
    return {"id": query.id, "name": pretty_name(query.name)}
""",
    "tracker/formatting.py": "def pretty_name(name):\n"
    + "".join(f"    name = name.replace('{n}', '')  # second-hop helper line {n}\n" for n in range(150))
    + "    return name\n",
    "tracker/exporters.py": """import csv
import io
import json


class CsvExporter:
    def export(self, rows):
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return out.getvalue()


class JsonExporter:
    def export(self, rows):
        return json.dumps(rows)
""",
    "tracker/handlers/exports.py": """from flask import abort, request

from tracker.exporters import CsvExporter, JsonExporter

EXPORTERS = {"csv": CsvExporter, "json": JsonExporter}


def export_rows(rows):
    exporter = EXPORTERS.get(request.args.get("format", "csv"))
    if exporter is None:
        abort(400)
    return exporter().export(rows)
""",
    "tracker/api/__init__.py": """from flask import Blueprint

bp = Blueprint("api", __name__)

from tracker.api import tokens  # noqa: E402,F401
""",
    "tracker/api/auth.py": """from flask import g
from flask_httpauth import HTTPTokenAuth

from tracker.models import Query

token_auth = HTTPTokenAuth()


@token_auth.verify_token
def verify_token(token):
    g.user = Query.query.filter_by(name=token).first()
    return g.user is not None


@token_auth.error_handler
def auth_error(status):
    return {"error": "unauthorized"}, status
""",
    "tracker/api/tokens.py": """from tracker.api import bp
from tracker.api.auth import token_auth


@bp.route("/tokens", methods=["DELETE"])
@token_auth.login_required
def revoke_token():
    return "", 204
""",
}


def write_tracker(root: Path) -> Path:
    """Write the project under ``root`` and return ``root``."""
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root
