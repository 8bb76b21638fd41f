"""Reproduces getredash/redash redash/handlers/permissions.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class ObjectPermissionsListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class CheckPermissionResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""
