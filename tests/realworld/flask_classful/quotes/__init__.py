"""Reproduces Flask-Classful's documented usage (pallets-eco/flask-classful docs/index.rst and
its test apps): ``QuotesView.register(app)`` with the special methods, ``@route`` rules,
arguments from method signatures (type hints as converters), ``route_base``/``route_prefix``,
``trailing_slash = False``, ``excluded_methods``, ``method_dashified``, and a view registered on
a blueprint that the factory then registers with a prefix."""

from flask import Blueprint, Flask

from quotes.auth import login_required
from quotes.views import ItemsView, QuotesView, ReportsView, ThingsView

api = Blueprint("api", __name__)


def create_app():
    app = Flask(__name__)
    QuotesView.register(app)
    ThingsView.register(app, route_prefix="/v2/", trailing_slash=False)
    ReportsView.register(app, route_base="/reports", method_dashified=True)
    ItemsView.register(api, route_base="/items")
    app.register_blueprint(api, url_prefix="/api")
    return app


__all__ = ["create_app", "login_required"]
