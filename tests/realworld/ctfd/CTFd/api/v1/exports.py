"""Reproduces CTFd/CTFd CTFd/api/v1/exports.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only

exports_namespace = Namespace("exports", description="Endpoint to retrieve Exports")


@exports_namespace.route("/raw")
class ExportList(Resource):
    @admins_only
    @exports_namespace.doc(description="Endpoint to post ExportList")
    def post(self, *args, **kwargs):
        return {"success": True}
