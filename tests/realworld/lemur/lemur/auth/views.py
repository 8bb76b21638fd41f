"""Reproduces Netflix/lemur lemur/auth/views.py: plain Resources (no login) on the auth blueprint."""

from flask import Blueprint
from flask_restful import Api, Resource, reqparse

mod = Blueprint("auth", __name__)
api = Api(mod)


class Login(Resource):
    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def post(self):
        return ""

    def endpoint(self):
        """Not an HTTP method: a helper some Lemur resources define."""
        return ""


class Ping(Resource):
    def get(self):
        return ""

    def post(self):
        return ""


class OAuth2(Resource):
    def get(self):
        return ""

    def post(self):
        return ""


class Providers(Resource):
    def get(self):
        return ""


class Vault(Resource):
    def get(self):
        return ""


api.add_resource(Login, "/auth/login", endpoint="login")
api.add_resource(Ping, "/auth/ping", endpoint="ping")
api.add_resource(OAuth2, "/auth/oauth2", endpoint="oauth2")
api.add_resource(Providers, "/auth/providers", endpoint="providers")
api.add_resource(Vault, "/auth/vault", endpoint="vault")
