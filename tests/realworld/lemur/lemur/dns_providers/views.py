"""Reproduces Netflix/lemur lemur/dns_providers/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource
from lemur.common.schema import validate_schema

mod = Blueprint("dns_providers", __name__)
api = Api(mod)


class DnsProvidersList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def post(self, *args, **kwargs):
        return ""


class DnsProviders(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class DnsProviderOptions(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(DnsProvidersList, "/dns_providers", endpoint="dns_providers")
api.add_resource(DnsProviders, "/dns_providers/<int:dns_provider_id>", endpoint="dns_provider")
api.add_resource(DnsProviderOptions, "/dns_provider_options", endpoint="dns_provider_options")
