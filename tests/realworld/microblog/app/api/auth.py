"""Reproduces miguelgrinberg/microblog app/api/auth.py: Flask-HTTPAuth objects."""

from flask_httpauth import HTTPBasicAuth, HTTPTokenAuth

basic_auth = HTTPBasicAuth()
token_auth = HTTPTokenAuth()
