"""Reproduces getredash/redash redash/permissions.py: permission decorators."""

import functools


def require_permission(permission):
    def decorator(fn):
        @functools.wraps(fn)
        def decorated(*args, **kwargs):
            return fn(*args, **kwargs)

        return decorated

    return decorator


def require_admin(fn):
    return require_permission("admin")(fn)


def require_super_admin(fn):
    return require_permission("super_admin")(fn)
