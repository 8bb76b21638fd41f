"""Reproduces getredash/redash redash/handlers/admin.py: decorators stacked under the route."""

from flask_login import login_required

from redash.handlers import routes
from redash.permissions import require_super_admin


@routes.route("/api/admin/queries/outdated", methods=["GET"])
@require_super_admin
@login_required
def outdated_queries():
    return ""


@routes.route("/api/admin/queries/rq_status", methods=["GET"])
@require_super_admin
@login_required
def rq_status():
    return ""
