"""Stand-in for Flask-HTTPAuth: ``login_required`` as a bare decorator."""

from functools import wraps


class _Auth:
    def __init__(self, *args, **kwargs):
        self.args = args

    def login_required(self, func=None, **options):
        if func is None:
            return lambda f: self.login_required(f)

        @wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)

        return wrapper

    def verify_password(self, func):
        return func

    def verify_token(self, func):
        return func

    def error_handler(self, func):
        return func


class HTTPBasicAuth(_Auth):
    pass


class HTTPTokenAuth(_Auth):
    pass
