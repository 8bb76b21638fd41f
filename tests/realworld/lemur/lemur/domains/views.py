"""Reproduces Netflix/lemur lemur/domains/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource
from lemur.common.schema import validate_schema

mod = Blueprint("domains", __name__)
api = Api(mod)


class DomainsList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def post(self, *args, **kwargs):
        return ""


class Domains(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def put(self, *args, **kwargs):
        return ""


class CertificateDomains(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(DomainsList, "/domains", endpoint="domains")
api.add_resource(Domains, "/domains/<int:domain_id>", endpoint="domain")
api.add_resource(
    CertificateDomains, "/certificates/<int:certificate_id>/domains", endpoint="certificateDomains"
)
