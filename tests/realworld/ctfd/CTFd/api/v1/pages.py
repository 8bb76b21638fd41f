"""Reproduces CTFd/CTFd CTFd/api/v1/pages.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

pages_namespace = Namespace("pages", description="Endpoint to retrieve Pages")


@pages_namespace.route("")
class PageList(Resource):
    @check_challenge_visibility
    @pages_namespace.doc(description="Endpoint to get PageList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @pages_namespace.doc(description="Endpoint to post PageList")
    def post(self, *args, **kwargs):
        return {"success": True}


@pages_namespace.route("/<page_id>")
@pages_namespace.param("page_id", "A page_id")
class PageDetail(Resource):
    @check_challenge_visibility
    @pages_namespace.doc(description="Endpoint to get PageDetail")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
