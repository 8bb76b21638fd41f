"""Reproduces getredash/redash redash/handlers/users.py: flask-restful resources (bodies elided)."""

from redash.handlers.base import BaseResource


class UserListResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class UserInviteResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""


class UserResetPasswordResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""


class UserRegenerateApiKeyResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""


class UserResource(BaseResource):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""


class UserDisableResource(BaseResource):
    def post(self, *args, **kwargs):
        return ""

    def delete(self, *args, **kwargs):
        return ""
