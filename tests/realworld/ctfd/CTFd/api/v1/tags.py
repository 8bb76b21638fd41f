"""Reproduces CTFd/CTFd CTFd/api/v1/tags.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

tags_namespace = Namespace("tags", description="Endpoint to retrieve Tags")


@tags_namespace.route("")
class TagList(Resource):
    @check_challenge_visibility
    @tags_namespace.doc(description="Endpoint to get TagList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @tags_namespace.doc(description="Endpoint to post TagList")
    def post(self, *args, **kwargs):
        return {"success": True}


@tags_namespace.route("/<tag_id>")
@tags_namespace.param("tag_id", "A tag_id")
class Tag(Resource):
    @check_challenge_visibility
    @tags_namespace.doc(description="Endpoint to get Tag")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
