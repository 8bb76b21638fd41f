"""Reproduces Netflix/lemur lemur/pending_certificates/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource
from lemur.common.schema import validate_schema

mod = Blueprint("pending_certificates", __name__)
api = Api(mod)


class PendingCertificatesList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class PendingCertificates(AuthenticatedResource):
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


class PendingCertificatePrivateKey(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class PendingCertificatesUpload(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    @validate_schema(None, None)
    def post(self, *args, **kwargs):
        return ""


api.add_resource(PendingCertificatesList, "/pending_certificates", endpoint="pending_certificates")
api.add_resource(
    PendingCertificates,
    "/pending_certificates/<int:pending_certificate_id>",
    endpoint="pending_certificate",
)
api.add_resource(
    PendingCertificatePrivateKey,
    "/pending_certificates/<int:pending_certificate_id>/key",
    endpoint="privateKeyPendingCertificates",
)
api.add_resource(
    PendingCertificatesUpload,
    "/pending_certificates/<int:pending_certificate_id>/upload",
    endpoint="pendingCertificateUpload",
)
