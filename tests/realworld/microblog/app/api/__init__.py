"""Reproduces miguelgrinberg/microblog app/api/__init__.py: route modules imported after the blueprint."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from app.api import errors, tokens, users  # noqa: E402, F401
