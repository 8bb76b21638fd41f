"""Reproduces getredash/redash redash/handlers/events.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class EventsResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""
