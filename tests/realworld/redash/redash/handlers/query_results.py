"""Reproduces getredash/redash redash/handlers/query_results.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class QueryResultListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""


class QueryResultDropdownResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class QueryDropdownsResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class QueryResultResource(BaseResource):
    def options(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""


class JobResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""
