"""Reproduces miguelgrinberg/flasky app/main/errors.py."""

from . import main


@main.app_errorhandler(403)
def forbidden(e):
    return "", 403


@main.app_errorhandler(404)
def page_not_found(e):
    return "", 404
