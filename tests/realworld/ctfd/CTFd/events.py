"""Reproduces CTFd/CTFd CTFd/events/__init__.py."""

from flask import Blueprint

from CTFd.utils.decorators import authed_only

events = Blueprint("events", __name__)


@events.route("/events")
@authed_only
def subscribe():
    return ""
