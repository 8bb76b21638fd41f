"""Reproduces CTFd/CTFd CTFd/views.py: a catch-all with defaults=, stacked rules."""

from flask import Blueprint

from CTFd.utils.decorators import authed_only

views = Blueprint("views", __name__)


@views.route("/setup", methods=["GET", "POST"])
def setup():
    return ""


@views.route("/setup/integrations", methods=["GET", "POST"])
def integrations():
    return ""


@views.route("/notifications", methods=["GET"])
def notifications():
    return ""


@views.route("/settings", methods=["GET"])
@authed_only
def settings():
    return ""


@views.route("/", defaults={"route": "index"})
@views.route("/<path:route>")
def static_html(route):
    return ""


@views.route("/tos")
def tos():
    return ""


@views.route("/privacy")
def privacy():
    return ""


@views.route("/files", defaults={"path": ""})
@views.route("/files/<path:path>")
def files(path):
    return ""


@views.route("/themes/<theme>/static/<path:path>")
def themes(theme, path):
    return ""


@views.route("/healthcheck")
def healthcheck():
    return "OK", 200


@views.route("/debug")
def debug():
    return ""


@views.route("/robots.txt")
def robots():
    return ""
