"""Reproduces miguelgrinberg/flasky app/api/__init__.py."""

from flask import Blueprint

api = Blueprint("api", __name__)

from . import authentication, comments, errors, posts, users  # noqa: E402, F401
