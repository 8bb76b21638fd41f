"""Reproduces Netflix/lemur lemur/auth/service.py: every API resource requires a login."""

from functools import wraps

from flask_restful import Resource


def login_required(f):
    @wraps(f)
    def decorated_function(*args, **kwargs):
        return f(*args, **kwargs)

    return decorated_function


class AuthenticatedResource(Resource):
    """
    Inherited by all resources that need to be protected by authentication.
    """

    method_decorators = [login_required]

    def __init__(self):
        super().__init__()
