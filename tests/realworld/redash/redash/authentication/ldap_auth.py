"""Reproduces getredash/redash redash/authentication/ldap_auth.py."""

from flask import Blueprint

from redash.handlers.base import org_scoped_rule

blueprint = Blueprint("ldap_auth", __name__)


@blueprint.route(org_scoped_rule("/ldap/login"), methods=["GET", "POST"])
def login(org_slug=None):
    return ""
