"""Reproduces getredash/redash redash/handlers/dashboards.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class DashboardListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class DashboardResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class PublicDashboardResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class DashboardShareResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class DashboardTagsResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class DashboardFavoriteListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""
