"""Reproduces CTFd/CTFd CTFd/utils/decorators/__init__.py: access decorators and ratelimit."""

import functools


def admins_only(f):
    @functools.wraps(f)
    def admins_only_wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return admins_only_wrapper


def authed_only(f):
    @functools.wraps(f)
    def authed_only_wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return authed_only_wrapper


def check_challenge_visibility(f):
    @functools.wraps(f)
    def _check_challenge_visibility(*args, **kwargs):
        return f(*args, **kwargs)

    return _check_challenge_visibility


def ratelimit(method="POST", limit=50, interval=300, key_prefix="rl"):
    def ratelimit_decorator(f):
        @functools.wraps(f)
        def decorated_function(*args, **kwargs):
            return f(*args, **kwargs)

        return decorated_function

    return ratelimit_decorator
