"""Reproduces getredash/redash redash/handlers/favorites.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class QueryFavoriteResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class DashboardFavoriteResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""
