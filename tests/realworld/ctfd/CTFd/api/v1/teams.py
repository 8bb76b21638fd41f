"""Reproduces CTFd/CTFd CTFd/api/v1/teams.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

teams_namespace = Namespace("teams", description="Endpoint to retrieve Teams")


@teams_namespace.route("")
class TeamList(Resource):
    @check_challenge_visibility
    @teams_namespace.doc(description="Endpoint to get TeamList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @teams_namespace.doc(description="Endpoint to post TeamList")
    def post(self, *args, **kwargs):
        return {"success": True}


@teams_namespace.route("/<int:team_id>")
@teams_namespace.param("team_id", "A team_id")
class TeamPublic(Resource):
    @check_challenge_visibility
    @teams_namespace.doc(description="Endpoint to get TeamPublic")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@teams_namespace.route("/me")
class TeamPrivate(Resource):
    @check_challenge_visibility
    @teams_namespace.doc(description="Endpoint to get TeamPrivate")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@teams_namespace.route("/me/members")
class TeamPrivateMembers(Resource):
    @admins_only
    @teams_namespace.doc(description="Endpoint to post TeamPrivateMembers")
    def post(self, *args, **kwargs):
        return {"success": True}


@teams_namespace.route("/<team_id>/members")
@teams_namespace.param("team_id", "A team_id")
class TeamMembers(Resource):
    @check_challenge_visibility
    @teams_namespace.doc(description="Endpoint to get TeamMembers")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @teams_namespace.doc(description="Endpoint to post TeamMembers")
    def post(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@teams_namespace.route("/me/solves")
class TeamPrivateSolves(Resource):
    @check_challenge_visibility
    @teams_namespace.doc(description="Endpoint to get TeamPrivateSolves")
    def get(self, *args, **kwargs):
        return {"success": True}


@teams_namespace.route("/<team_id>/solves")
@teams_namespace.param("team_id", "A team_id")
class TeamPublicSolves(Resource):
    @check_challenge_visibility
    @teams_namespace.doc(description="Endpoint to get TeamPublicSolves")
    def get(self, *args, **kwargs):
        return {"success": True}
