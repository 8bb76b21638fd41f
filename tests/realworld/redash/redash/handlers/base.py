"""Reproduces getredash/redash redash/handlers/base.py: the blueprint, BaseResource, org_scoped_rule."""

from flask import Blueprint
from flask_login import login_required
from flask_restful import Resource

from redash import settings

routes = Blueprint("redash", __name__, template_folder=settings.fix_assets_path("templates"))


class BaseResource(Resource):
    decorators = [login_required]

    def dispatch_request(self, *args, **kwargs):
        kwargs.pop("org_slug", None)
        return super().dispatch_request(*args, **kwargs)


def org_scoped_rule(rule):
    if settings.MULTI_ORG:
        return f"/<org_slug>{rule}"

    return rule


def json_response(response):
    return response
