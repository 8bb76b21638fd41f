"""Reproduces Netflix/lemur lemur/logs/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource

mod = Blueprint("logs", __name__)
api = Api(mod)


class LogsList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(LogsList, "/logs", endpoint="logs")
