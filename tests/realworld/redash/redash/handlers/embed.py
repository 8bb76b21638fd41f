"""Reproduces getredash/redash redash/handlers/embed.py: a rule split over lines."""

from flask_login import login_required

from redash.handlers import routes
from redash.handlers.base import org_scoped_rule
from redash.handlers.static import render_index
from redash.security import csp_allows_embeding


@routes.route(
    org_scoped_rule("/embed/query/<query_id>/visualization/<visualization_id>"),
    methods=["GET"],
)
@login_required
@csp_allows_embeding
def embed(query_id, visualization_id, org_slug=None):
    return render_index()


@routes.route(org_scoped_rule("/public/dashboards/<token>"), methods=["GET"])
@login_required
@csp_allows_embeding
def public_dashboard(token, org_slug=None):
    return render_index()
