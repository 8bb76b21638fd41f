"""Reproduces getredash/redash redash/handlers/visualizations.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class VisualizationListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""


class VisualizationResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""
