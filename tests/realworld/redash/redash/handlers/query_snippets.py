"""Reproduces getredash/redash redash/handlers/query_snippets.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class QuerySnippetResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class QuerySnippetListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""
