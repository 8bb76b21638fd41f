"""Reproduces CTFd/CTFd CTFd/scoreboard.py."""

from flask import Blueprint

scoreboard = Blueprint("scoreboard", __name__)


@scoreboard.route("/scoreboard")
def listing():
    return ""
