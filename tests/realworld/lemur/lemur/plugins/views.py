"""Reproduces Netflix/lemur lemur/plugins/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource

mod = Blueprint("plugins", __name__)
api = Api(mod)


class PluginsList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class PluginsTypeList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(PluginsList, "/plugins", endpoint="plugins")
api.add_resource(PluginsTypeList, "/plugins/<name>", endpoint="pluginName")
