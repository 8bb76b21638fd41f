"""Reproduces Netflix/lemur lemur/roles/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource
from lemur.common.schema import validate_schema

mod = Blueprint("roles", __name__)
api = Api(mod)


class RolesList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def post(self, *args, **kwargs):
        return ""


class Roles(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def put(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class RoleViewCredentials(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class AuthorityRolesList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class UserRolesList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(RolesList, "/roles", endpoint="roles")
api.add_resource(Roles, "/roles/<int:role_id>", endpoint="role")
api.add_resource(
    RoleViewCredentials, "/roles/<int:role_id>/credentials", endpoint="roleCredentials"
)
api.add_resource(
    AuthorityRolesList, "/authorities/<int:authority_id>/roles", endpoint="authorityRoles"
)
api.add_resource(UserRolesList, "/users/<int:user_id>/roles", endpoint="userRoles")
