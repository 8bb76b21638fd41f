"""Reproduces CTFd/CTFd CTFd/api/v1/tokens.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

tokens_namespace = Namespace("tokens", description="Endpoint to retrieve Tokens")


@tokens_namespace.route("")
class TokenList(Resource):
    @check_challenge_visibility
    @tokens_namespace.doc(description="Endpoint to get TokenList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @tokens_namespace.doc(description="Endpoint to post TokenList")
    def post(self, *args, **kwargs):
        return {"success": True}


@tokens_namespace.route("/<token_id>")
@tokens_namespace.param("token_id", "A token_id")
class TokenDetail(Resource):
    @check_challenge_visibility
    @tokens_namespace.doc(description="Endpoint to get TokenDetail")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
