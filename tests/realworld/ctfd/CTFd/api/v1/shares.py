"""Reproduces CTFd/CTFd CTFd/api/v1/shares.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only

shares_namespace = Namespace("shares", description="Endpoint to retrieve Shares")


@shares_namespace.route("")
class Share(Resource):
    @admins_only
    @shares_namespace.doc(description="Endpoint to post Share")
    def post(self, *args, **kwargs):
        return {"success": True}
