"""Reproduces miguelgrinberg/microblog app/errors/handlers.py: app-wide error handlers."""

from app.errors import bp


@bp.app_errorhandler(404)
def not_found_error(error):
    return "", 404


@bp.app_errorhandler(500)
def internal_error(error):
    return "", 500
