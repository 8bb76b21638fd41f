"""Reproduces getredash/redash redash/handlers/widgets.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class WidgetListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""


class WidgetResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""
