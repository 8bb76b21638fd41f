"""Reproduces getredash/redash redash/handlers/setup.py."""

from redash.handlers.base import routes


@routes.route("/setup", methods=["GET", "POST"])
def setup():
    return ""
