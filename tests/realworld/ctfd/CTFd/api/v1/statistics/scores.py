"""Reproduces CTFd/CTFd CTFd/api/v1/statistics/scores.py: routes on the package's namespace."""

from flask_restx import Resource

from CTFd.api.v1.statistics import statistics_namespace
from CTFd.utils.decorators import admins_only


@statistics_namespace.route("/scores/distribution")
class ScoresDistribution(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}
