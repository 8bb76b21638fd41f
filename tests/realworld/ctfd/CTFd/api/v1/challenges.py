"""Reproduces CTFd/CTFd CTFd/api/v1/challenges.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

challenges_namespace = Namespace("challenges", description="Endpoint to retrieve Challenges")


@challenges_namespace.route("")
class ChallengeList(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @challenges_namespace.doc(description="Endpoint to post ChallengeList")
    def post(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/types")
class ChallengeTypes(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeTypes")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>")
@challenges_namespace.param("challenge_id", "A challenge_id")
class Challenge(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get Challenge")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/attempt")
class ChallengeAttempt(Resource):
    @admins_only
    @challenges_namespace.doc(description="Endpoint to post ChallengeAttempt")
    def post(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/solves")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeSolves(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeSolves")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/files")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeFiles(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeFiles")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/tags")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeTags(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeTags")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/topics")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeTopics(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeTopics")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/hints")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeHints(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeHints")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/flags")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeFlags(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeFlags")
    def get(self, *args, **kwargs):
        return {"success": True}


@challenges_namespace.route("/<challenge_id>/requirements")
@challenges_namespace.param("challenge_id", "A challenge_id")
class ChallengeRequirements(Resource):
    @check_challenge_visibility
    @challenges_namespace.doc(description="Endpoint to get ChallengeRequirements")
    def get(self, *args, **kwargs):
        return {"success": True}
