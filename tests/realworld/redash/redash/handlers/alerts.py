"""Reproduces getredash/redash redash/handlers/alerts.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class AlertResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class AlertMuteResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class AlertListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""


class AlertSubscriptionListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""


class AlertSubscriptionResource(BaseResource):
    def delete(self, *args, **kwargs):
        return ""
