"""Reproduces CTFd/CTFd CTFd/api/v1/config.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

configs_namespace = Namespace("configs", description="Endpoint to retrieve Configs")


@configs_namespace.route("")
class ConfigList(Resource):
    @check_challenge_visibility
    @configs_namespace.doc(description="Endpoint to get ConfigList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @configs_namespace.doc(description="Endpoint to post ConfigList")
    def post(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}


@configs_namespace.route("/<config_key>")
@configs_namespace.param("config_key", "A config_key")
class Config(Resource):
    @check_challenge_visibility
    @configs_namespace.doc(description="Endpoint to get Config")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@configs_namespace.route("/fields")
class FieldList(Resource):
    @check_challenge_visibility
    @configs_namespace.doc(description="Endpoint to get FieldList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @configs_namespace.doc(description="Endpoint to post FieldList")
    def post(self, *args, **kwargs):
        return {"success": True}


@configs_namespace.route("/fields/<field_id>")
@configs_namespace.param("field_id", "A field_id")
class Field(Resource):
    @check_challenge_visibility
    @configs_namespace.doc(description="Endpoint to get Field")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
