"""Reproduces CTFd/CTFd CTFd/utils/__init__.py (stand-in: config lookups)."""


def get_config(key, default=None):
    return default
