"""Reproduces getredash/redash redash/handlers/data_sources.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class DataSourceTypeListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class DataSourceResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class DataSourceListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class DataSourceSchemaResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""


class DataSourcePauseResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class DataSourceTestResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""
