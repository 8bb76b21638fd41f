"""Reproduces getredash/redash redash/handlers/authentication.py: org-scoped blueprint routes."""

from flask_login import login_required

from redash import limiter, settings
from redash.handlers import routes
from redash.handlers.base import org_scoped_rule


@routes.route(org_scoped_rule("/invite/<token>"), methods=["GET", "POST"])
def invite(token, org_slug=None):
    return ""


@routes.route(org_scoped_rule("/reset/<token>"), methods=["GET", "POST"])
def reset(token, org_slug=None):
    return ""


@routes.route(org_scoped_rule("/verify/<token>"), methods=["GET"])
def verify(token, org_slug=None):
    return ""


@routes.route(org_scoped_rule("/forgot"), methods=["GET", "POST"])
@limiter.limit(settings.THROTTLE_PASS_RESET_PATTERN)
def forgot_password(org_slug=None):
    return ""


@routes.route(org_scoped_rule("/verification_email/"), methods=["POST"])
def verification_email(org_slug=None):
    return ""


@routes.route(org_scoped_rule("/login"), methods=["GET", "POST"])
@limiter.limit(settings.THROTTLE_LOGIN_PATTERN)
def login(org_slug=None):
    return ""


@routes.route(org_scoped_rule("/logout"))
def logout(org_slug=None):
    return ""


def base_href():
    return "/"


@routes.route("/api/config", methods=["GET"])
def config(org_slug=None):
    return ""


@routes.route(org_scoped_rule("/api/session"), methods=["GET"])
@login_required
def session(org_slug=None):
    return ""
