"""Reproduces getredash/redash redash/handlers/settings.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class OrganizationSettings(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""
