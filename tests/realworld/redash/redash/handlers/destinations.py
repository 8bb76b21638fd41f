"""Reproduces getredash/redash redash/handlers/destinations.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class DestinationTypeListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class DestinationResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class DestinationListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""
