"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/tests/conftest.py."""

import pytest
from my_flask_app.app import create_app
from my_flask_app.extensions import db as _db


@pytest.fixture
def app():
    """Create application for the tests."""
    _app = create_app("tests.settings")
    ctx = _app.test_request_context()
    ctx.push()

    yield _app

    ctx.pop()


@pytest.fixture
def db(app):
    """Create database for the tests."""
    _db.app = app
    with app.app_context():
        _db.create_all()

    yield _db

    _db.session.close()
    _db.drop_all()
