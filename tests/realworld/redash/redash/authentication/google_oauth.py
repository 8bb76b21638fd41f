"""Reproduces getredash/redash redash/authentication/google_oauth.py: explicit endpoint= names."""

from flask import Blueprint

blueprint = Blueprint("google_oauth", __name__)


@blueprint.route("/<org_slug>/oauth/google", endpoint="authorize_org")
def org_login(org_slug):
    return ""


@blueprint.route("/oauth/google", endpoint="authorize")
def login():
    return ""


@blueprint.route("/oauth/google_callback", endpoint="callback")
def authorized():
    return ""
