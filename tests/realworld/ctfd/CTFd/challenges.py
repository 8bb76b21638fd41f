"""Reproduces CTFd/CTFd CTFd/challenges.py."""

from flask import Blueprint

from CTFd.utils.decorators import authed_only, check_challenge_visibility

challenges = Blueprint("challenges", __name__)


@challenges.route("/challenges", methods=["GET"])
@authed_only
@check_challenge_visibility
def listing():
    return ""
