"""Reproduces CTFd/CTFd CTFd/teams.py."""

from flask import Blueprint

from CTFd.utils.decorators import authed_only, ratelimit

teams = Blueprint("teams", __name__)


@teams.route("/teams")
def listing():
    return ""


@teams.route("/teams/invite", methods=["GET", "POST"])
@authed_only
def invite():
    return ""


@teams.route("/teams/join", methods=["GET", "POST"])
@authed_only
@ratelimit(method="POST", limit=10, interval=5)
def join():
    return ""


@teams.route("/teams/new", methods=["GET", "POST"])
@authed_only
def new():
    return ""


@teams.route("/team")
@authed_only
def private():
    return ""


@teams.route("/teams/<int:team_id>")
def public(team_id):
    return ""
