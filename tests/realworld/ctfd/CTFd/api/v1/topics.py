"""Reproduces CTFd/CTFd CTFd/api/v1/topics.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

topics_namespace = Namespace("topics", description="Endpoint to retrieve Topics")


@topics_namespace.route("")
class TopicList(Resource):
    @check_challenge_visibility
    @topics_namespace.doc(description="Endpoint to get TopicList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @topics_namespace.doc(description="Endpoint to post TopicList")
    def post(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}


@topics_namespace.route("/<topic_id>")
@topics_namespace.param("topic_id", "A topic_id")
class Topic(Resource):
    @check_challenge_visibility
    @topics_namespace.doc(description="Endpoint to get Topic")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
