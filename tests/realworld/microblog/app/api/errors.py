"""Reproduces miguelgrinberg/microblog app/api/errors.py."""

from werkzeug.exceptions import HTTPException

from app.api import bp


def error_response(status_code, message=None):
    return {"error": status_code, "message": message}, status_code


def bad_request(message):
    return error_response(400, message)


@bp.errorhandler(HTTPException)
def handle_exception(e):
    return error_response(e.code)
