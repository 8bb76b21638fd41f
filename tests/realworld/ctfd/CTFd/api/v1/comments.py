"""Reproduces CTFd/CTFd CTFd/api/v1/comments.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

comments_namespace = Namespace("comments", description="Endpoint to retrieve Comments")


@comments_namespace.route("")
class CommentList(Resource):
    @check_challenge_visibility
    @comments_namespace.doc(description="Endpoint to get CommentList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @comments_namespace.doc(description="Endpoint to post CommentList")
    def post(self, *args, **kwargs):
        return {"success": True}


@comments_namespace.route("/<comment_id>")
@comments_namespace.param("comment_id", "A comment_id")
class Comment(Resource):
    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
