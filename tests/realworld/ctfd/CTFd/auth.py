"""Reproduces CTFd/CTFd CTFd/auth.py: stacked rules with and without a token, ratelimit decorators."""

from flask import Blueprint

from CTFd.utils.decorators import ratelimit

auth = Blueprint("auth", __name__)


@auth.route("/confirm", methods=["POST", "GET"])
@auth.route("/confirm/<data>", methods=["POST", "GET"])
@ratelimit(method="POST", limit=10, interval=60)
def confirm(data=None):
    return ""


@auth.route("/reset_password", methods=["POST", "GET"])
@auth.route("/reset_password/<data>", methods=["POST", "GET"])
@ratelimit(method="POST", limit=10, interval=60)
def reset_password(data=None):
    return ""


@auth.route("/register", methods=["POST", "GET"])
@ratelimit(method="POST", limit=10, interval=5)
def register():
    return ""


@auth.route("/login", methods=["POST", "GET"])
@ratelimit(method="POST", limit=10, interval=5)
def login():
    return ""


@auth.route("/oauth")
def oauth_login():
    return ""


@auth.route("/redirect", methods=["GET"])
@ratelimit(method="GET", limit=10, interval=60)
def oauth_redirect():
    return ""


@auth.route("/logout")
def logout():
    return ""
