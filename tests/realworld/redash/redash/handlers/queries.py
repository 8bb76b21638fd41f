"""Reproduces getredash/redash redash/handlers/queries.py: resource inheritance and a blueprint route."""

from flask_login import login_required

from redash.handlers.base import BaseResource, org_scoped_rule, routes


@routes.route(org_scoped_rule("/api/queries/format"), methods=["POST"])
@login_required
def format_sql_query(org_slug=None):
    return ""


class QuerySearchResource(BaseResource):
    def get(self):
        return ""


class QueryRecentResource(BaseResource):
    def get(self):
        return ""


class BaseQueryListResource(BaseResource):
    def get_queries(self, search_term):
        return []

    def get(self):
        return ""


class QueryListResource(BaseQueryListResource):
    def post(self):
        return ""


class QueryArchiveResource(BaseQueryListResource):
    pass


class MyQueriesResource(BaseResource):
    def get(self):
        return ""


class QueryResource(BaseResource):
    def post(self, query_id):
        return ""

    def get(self, query_id):
        return ""

    def delete(self, query_id):
        return ""


class QueryRegenerateApiKeyResource(BaseResource):
    def post(self, query_id):
        return ""


class QueryForkResource(BaseResource):
    def post(self, query_id):
        return ""


class QueryRefreshResource(BaseResource):
    def post(self, query_id):
        return ""


class QueryTagsResource(BaseResource):
    def get(self):
        return ""


class QueryFavoriteListResource(BaseResource):
    def get(self):
        return ""
