"""A ``functools.wraps`` decorator, as the docs' ``decorators = [login_required]`` uses."""

from functools import wraps


def login_required(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        return f(*args, **kwargs)

    return decorated
