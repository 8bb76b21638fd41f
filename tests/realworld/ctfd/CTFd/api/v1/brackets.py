"""Reproduces CTFd/CTFd CTFd/api/v1/brackets.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

brackets_namespace = Namespace("brackets", description="Endpoint to retrieve Brackets")


@brackets_namespace.route("")
class BracketList(Resource):
    @check_challenge_visibility
    @brackets_namespace.doc(description="Endpoint to get BracketList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @brackets_namespace.doc(description="Endpoint to post BracketList")
    def post(self, *args, **kwargs):
        return {"success": True}


@brackets_namespace.route("/<bracket_id>")
@brackets_namespace.param("bracket_id", "A bracket_id")
class Bracket(Resource):
    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
