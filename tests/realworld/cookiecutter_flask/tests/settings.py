"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/tests/settings.py."""

ENV = "development"
TESTING = True
SQLALCHEMY_DATABASE_URI = "sqlite://"
SECRET_KEY = "not-so-secret-in-tests"
WTF_CSRF_ENABLED = False
