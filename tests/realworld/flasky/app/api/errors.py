"""Reproduces miguelgrinberg/flasky app/api/errors.py."""


def forbidden(message):
    return {"error": "forbidden", "message": message}, 403
