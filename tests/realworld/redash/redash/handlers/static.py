"""Reproduces getredash/redash redash/handlers/static.py: two stacked routes on one view."""

from flask_login import login_required

from redash.handlers import routes
from redash.handlers.base import org_scoped_rule
from redash.security import csp_allows_embeding


def render_index():
    return ""


@routes.route(org_scoped_rule("/dashboard/<slug>"), methods=["GET"])
@login_required
@csp_allows_embeding
def dashboard(slug, org_slug=None):
    return render_index()


@routes.route(org_scoped_rule("/<path:path>"))
@routes.route(org_scoped_rule("/"))
@login_required
def index(**kwargs):
    return render_index()
