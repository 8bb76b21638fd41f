"""Reproduces CTFd/CTFd CTFd/api/v1/flags.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

flags_namespace = Namespace("flags", description="Endpoint to retrieve Flags")


@flags_namespace.route("")
class FlagList(Resource):
    @check_challenge_visibility
    @flags_namespace.doc(description="Endpoint to get FlagList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @flags_namespace.doc(description="Endpoint to post FlagList")
    def post(self, *args, **kwargs):
        return {"success": True}


@flags_namespace.route("/types", defaults={"type_name": None})
@flags_namespace.route("/types/<type_name>")
@flags_namespace.param("type_name", "A type_name")
class FlagTypes(Resource):
    @check_challenge_visibility
    @flags_namespace.doc(description="Endpoint to get FlagTypes")
    def get(self, *args, **kwargs):
        return {"success": True}


@flags_namespace.route("/<flag_id>")
@flags_namespace.param("flag_id", "A flag_id")
class Flag(Resource):
    @check_challenge_visibility
    @flags_namespace.doc(description="Endpoint to get Flag")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}
