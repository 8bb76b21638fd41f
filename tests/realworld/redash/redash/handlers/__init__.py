"""Reproduces getredash/redash redash/handlers/__init__.py: route modules imported inside init_app."""

from flask_login import login_required

from redash.handlers.api import api
from redash.handlers.base import routes
from redash.permissions import require_super_admin
from redash.security import talisman


@routes.route("/ping", methods=["GET"])
@talisman(force_https=False)
def ping():
    return "PONG."


@routes.route("/status.json")
@login_required
@require_super_admin
def status_api():
    return ""


def init_app(app):
    from redash.handlers import (  # noqa: F401
        admin,
        authentication,
        embed,
        organization,
        queries,
        setup,
        static,
    )

    app.register_blueprint(routes)
    api.init_app(app)
