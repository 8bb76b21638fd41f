"""Reproduces CTFd/CTFd CTFd/api/v1/statistics/challenges.py: routes on the package's namespace."""

from flask_restx import Resource

from CTFd.api.v1.statistics import statistics_namespace
from CTFd.utils.decorators import admins_only


@statistics_namespace.route("/challenges/<column>")
class ChallengePropertyCounts(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}


@statistics_namespace.route("/challenges/solves")
class ChallengeSolveStatistics(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}


@statistics_namespace.route("/challenges/solves/percentages")
class ChallengeSolvePercentages(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}
