"""Reproduces CTFd/CTFd CTFd/share.py."""

from flask import Blueprint

social = Blueprint("social", __name__)


@social.route("/share/<type>/assets/<path>")
def assets(type, path):
    return ""
