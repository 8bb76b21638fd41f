"""Reproduces CTFd/CTFd CTFd/api/v1/unlocks.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

unlocks_namespace = Namespace("unlocks", description="Endpoint to retrieve Unlocks")


@unlocks_namespace.route("")
class UnlockList(Resource):
    @check_challenge_visibility
    @unlocks_namespace.doc(description="Endpoint to get UnlockList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @unlocks_namespace.doc(description="Endpoint to post UnlockList")
    def post(self, *args, **kwargs):
        return {"success": True}
