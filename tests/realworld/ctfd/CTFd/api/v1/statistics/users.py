"""Reproduces CTFd/CTFd CTFd/api/v1/statistics/users.py: routes on the package's namespace."""

from flask_restx import Resource

from CTFd.api.v1.statistics import statistics_namespace
from CTFd.utils.decorators import admins_only


@statistics_namespace.route("/users")
class UserStatistics(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}


@statistics_namespace.route("/users/<column>")
class UserPropertyCounts(Resource):
    @admins_only
    def get(self, *args, **kwargs):
        return {"success": True}
