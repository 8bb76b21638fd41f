"""Reproduces getredash/redash redash/handlers/organization.py."""

from flask_login import login_required

from redash.handlers.base import org_scoped_rule, routes


@routes.route(org_scoped_rule("/api/organization/status"), methods=["GET"])
@login_required
def organization_status(org_slug=None):
    return ""
