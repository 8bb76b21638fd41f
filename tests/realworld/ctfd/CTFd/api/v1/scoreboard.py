"""Reproduces CTFd/CTFd CTFd/api/v1/scoreboard.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import check_challenge_visibility

scoreboard_namespace = Namespace("scoreboard", description="Endpoint to retrieve Scoreboard")


@scoreboard_namespace.route("")
class ScoreboardList(Resource):
    @check_challenge_visibility
    @scoreboard_namespace.doc(description="Endpoint to get ScoreboardList")
    def get(self, *args, **kwargs):
        return {"success": True}


@scoreboard_namespace.route("/top/<int:count>")
@scoreboard_namespace.param("count", "A count")
class ScoreboardDetail(Resource):
    @check_challenge_visibility
    @scoreboard_namespace.doc(description="Endpoint to get ScoreboardDetail")
    def get(self, *args, **kwargs):
        return {"success": True}
