"""Reproduces CTFd/CTFd CTFd/api/v1/awards.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

awards_namespace = Namespace("awards", description="Endpoint to retrieve Awards")


@awards_namespace.route("")
class AwardList(Resource):
    @check_challenge_visibility
    @awards_namespace.doc(description="Endpoint to get AwardList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @awards_namespace.doc(description="Endpoint to post AwardList")
    def post(self, *args, **kwargs):
        return {"success": True}


@awards_namespace.route("/<award_id>")
@awards_namespace.param("award_id", "A award_id")
class Award(Resource):
    @check_challenge_visibility
    @awards_namespace.doc(description="Endpoint to get Award")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
