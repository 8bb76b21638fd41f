"""Reproduces CTFd/CTFd CTFd/users.py."""

from flask import Blueprint

from CTFd.utils.decorators import authed_only

users = Blueprint("users", __name__)


@users.route("/users")
def listing():
    return ""


@users.route("/profile")
@users.route("/user")
@authed_only
def private():
    return ""


@users.route("/users/<int:user_id>")
def public(user_id):
    return ""
