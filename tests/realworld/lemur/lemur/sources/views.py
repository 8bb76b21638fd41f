"""Reproduces Netflix/lemur lemur/sources/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource
from lemur.common.schema import validate_schema

mod = Blueprint("sources", __name__)
api = Api(mod)


class SourcesList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def post(self, *args, **kwargs):
        return ""


class Sources(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def put(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class CertificateSources(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(SourcesList, "/sources", endpoint="sources")
api.add_resource(Sources, "/sources/<int:source_id>", endpoint="account")
api.add_resource(
    CertificateSources, "/certificates/<int:certificate_id>/sources", endpoint="certificateSources"
)
