"""Reproduces CTFd/CTFd CTFd/api/v1/notifications.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

notifications_namespace = Namespace(
    "notifications", description="Endpoint to retrieve Notifications"
)


@notifications_namespace.route("")
class NotificantionList(Resource):
    @check_challenge_visibility
    @notifications_namespace.doc(description="Endpoint to get NotificantionList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @notifications_namespace.doc(description="Endpoint to post NotificantionList")
    def post(self, *args, **kwargs):
        return {"success": True}


@notifications_namespace.route("/<notification_id>")
@notifications_namespace.param("notification_id", "A notification_id")
class Notification(Resource):
    @check_challenge_visibility
    @notifications_namespace.doc(description="Endpoint to get Notification")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
