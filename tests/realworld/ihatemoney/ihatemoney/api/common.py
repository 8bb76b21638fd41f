"""Reproduces spiral-project/ihatemoney ihatemoney/api/common.py: Resources with method_decorators."""

from functools import wraps

from flask_restful import Resource


def need_auth(f):
    """Check the request for basic authentication for a given project."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


class CurrenciesHandler(Resource):
    def get(self):
        return []


class ProjectsHandler(Resource):
    def post(self):
        return ""


class ProjectHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project):
        return {}

    def delete(self, project):
        return "DELETED"

    def put(self, project):
        return "UPDATED"


class ProjectStatsHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project):
        return []


class APIMemberForm:
    """Not a resource: a form helper living next to the handlers."""


class MembersHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project):
        return []

    def post(self, project):
        return 0, 201


class MemberHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project, member_id):
        return {}

    def put(self, project, member_id):
        return {}

    def delete(self, project, member_id):
        return "OK"


class BillsHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project):
        return []

    def post(self, project):
        return 0, 201


class BillHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project, bill_id):
        return {}

    def put(self, project, bill_id):
        return 0

    def delete(self, project, bill_id):
        return "OK"


class TokenHandler(Resource):
    method_decorators = [need_auth]

    def get(self, project, project_id=None):
        return {}
