"""Reproduces CTFd/CTFd CTFd/api/v1/hints.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

hints_namespace = Namespace("hints", description="Endpoint to retrieve Hints")


@hints_namespace.route("")
class HintList(Resource):
    @check_challenge_visibility
    @hints_namespace.doc(description="Endpoint to get HintList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @hints_namespace.doc(description="Endpoint to post HintList")
    def post(self, *args, **kwargs):
        return {"success": True}


@hints_namespace.route("/<hint_id>")
@hints_namespace.param("hint_id", "A hint_id")
class Hint(Resource):
    @check_challenge_visibility
    @hints_namespace.doc(description="Endpoint to get Hint")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
