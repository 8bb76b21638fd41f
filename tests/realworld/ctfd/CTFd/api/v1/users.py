"""Reproduces CTFd/CTFd CTFd/api/v1/users.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

users_namespace = Namespace("users", description="Endpoint to retrieve Users")


@users_namespace.route("")
class UserList(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @users_namespace.doc(description="Endpoint to post UserList")
    def post(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/<int:user_id>")
@users_namespace.param("user_id", "A user_id")
class UserPublic(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPublic")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/me")
class UserPrivate(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPrivate")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/me/solves")
class UserPrivateSolves(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPrivateSolves")
    def get(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/me/fails")
class UserPrivateFails(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPrivateFails")
    def get(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/me/awards")
class UserPrivateAwards(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPrivateAwards")
    def get(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/<user_id>/solves")
@users_namespace.param("user_id", "A user_id")
class UserPublicSolves(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPublicSolves")
    def get(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/<user_id>/fails")
@users_namespace.param("user_id", "A user_id")
class UserPublicFails(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPublicFails")
    def get(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/<user_id>/awards")
@users_namespace.param("user_id", "A user_id")
class UserPublicAwards(Resource):
    @check_challenge_visibility
    @users_namespace.doc(description="Endpoint to get UserPublicAwards")
    def get(self, *args, **kwargs):
        return {"success": True}


@users_namespace.route("/<int:user_id>/email")
@users_namespace.param("user_id", "A user_id")
class UserEmails(Resource):
    @admins_only
    @users_namespace.doc(description="Endpoint to post UserEmails")
    def post(self, *args, **kwargs):
        return {"success": True}
