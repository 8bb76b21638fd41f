"""Reproduces miguelgrinberg/flasky app/api/authentication.py: a before_request on the API blueprint."""

from flask_httpauth import HTTPBasicAuth

from . import api

auth = HTTPBasicAuth()


@api.before_request
@auth.login_required
def before_request():
    return None


@api.route("/tokens/", methods=["POST"])
def get_token():
    return {}
