"""Reproduces getredash/redash redash/authentication/saml_auth.py: org-scoped SAML rules."""

from flask import Blueprint

from redash.handlers.base import org_scoped_rule

blueprint = Blueprint("saml_auth", __name__)


@blueprint.route(org_scoped_rule("/saml/callback"), methods=["POST"])
def idp_initiated(org_slug=None):
    return ""


@blueprint.route(org_scoped_rule("/saml/login"))
def sp_initiated(org_slug=None):
    return ""
