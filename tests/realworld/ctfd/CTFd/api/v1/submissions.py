"""Reproduces CTFd/CTFd CTFd/api/v1/submissions.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

submissions_namespace = Namespace("submissions", description="Endpoint to retrieve Submissions")


@submissions_namespace.route("")
class SubmissionsList(Resource):
    @check_challenge_visibility
    @submissions_namespace.doc(description="Endpoint to get SubmissionsList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @submissions_namespace.doc(description="Endpoint to post SubmissionsList")
    def post(self, *args, **kwargs):
        return {"success": True}


@submissions_namespace.route("/<submission_id>")
@submissions_namespace.param("submission_id", "A submission_id")
class Submission(Resource):
    @check_challenge_visibility
    @submissions_namespace.doc(description="Endpoint to get Submission")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def patch(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
