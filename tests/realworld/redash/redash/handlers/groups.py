"""Reproduces getredash/redash redash/handlers/groups.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class GroupListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""


class GroupResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class GroupMemberListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""


class GroupMemberResource(BaseResource):
    def delete(self, *args, **kwargs):
        return ""


class GroupDataSourceListResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def get(self, *args, **kwargs):
        return ""


class GroupDataSourceResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""
