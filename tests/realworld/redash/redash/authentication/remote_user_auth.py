"""Reproduces getredash/redash redash/authentication/remote_user_auth.py."""

from flask import Blueprint

from redash.handlers.base import org_scoped_rule

blueprint = Blueprint("remote_user_auth", __name__)


@blueprint.route(org_scoped_rule("/remote_user/login"))
def login(org_slug=None):
    return ""
