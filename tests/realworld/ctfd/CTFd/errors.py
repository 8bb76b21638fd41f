"""Reproduces CTFd/CTFd CTFd/errors.py."""


def render_error(error):
    return "", 500
