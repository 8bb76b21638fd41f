"""Reproduces Netflix/lemur lemur/tests/conftest.py: the app built from a test config file."""

import os

import pytest

from lemur import create_app


@pytest.fixture(scope="session")
def app(request):
    """
    Creates a new Flask application for a test duration.
    Uses application factory `create_app`.
    """
    _app = create_app(config_path=os.path.dirname(os.path.realpath(__file__)) + "/conf.py")
    ctx = _app.app_context()
    ctx.push()

    yield _app

    ctx.pop()
