"""Reproduces CTFd/CTFd CTFd/api/v1/statistics/submissions.py: routes on the package's namespace."""

from flask_restx import Resource

from CTFd.api.v1.statistics import statistics_namespace
from CTFd.utils.decorators import admins_only


@statistics_namespace.route("/submissions/<column>")
class SubmissionPropertyCounts(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}
