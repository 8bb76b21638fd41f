"""Reproduces Netflix/lemur lemur/users/views.py: a Flask-RESTful Api bound to the module's blueprint."""

from flask import Blueprint
from flask_restful import Api, reqparse

from lemur.auth.service import AuthenticatedResource
from lemur.common.schema import validate_schema

mod = Blueprint("users", __name__)
api = Api(mod)


class UsersList(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def post(self, *args, **kwargs):
        return ""


class Users(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""

    @validate_schema(None, None)
    def put(self, *args, **kwargs):
        return ""


class CertificateUsers(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class RoleUsers(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


class Me(AuthenticatedResource):
    """Defines the resource endpoint"""

    def __init__(self):
        self.reqparse = reqparse.RequestParser()
        super().__init__()

    def get(self, *args, **kwargs):
        return ""


api.add_resource(UsersList, "/users", endpoint="users")
api.add_resource(Users, "/users/<int:user_id>", endpoint="user")
api.add_resource(
    CertificateUsers, "/certificates/<int:certificate_id>/creator", endpoint="certificateCreator"
)
api.add_resource(RoleUsers, "/roles/<int:role_id>/users", endpoint="roleUsers")
api.add_resource(Me, "/auth/me", endpoint="me")
