"""Reproduces CTFd/CTFd tests/helpers.py: a testing config and an app factory wrapper."""

from CTFd import create_app
from CTFd.config import TestingConfig


class CTFdTestingConfig(TestingConfig):
    SERVER_NAME = "localhost"
    SAFE_MODE = True


def create_ctfd(setup=True, config=CTFdTestingConfig, **kwargs):
    app = create_app(config)
    return app


def destroy_ctfd(app):
    return None
