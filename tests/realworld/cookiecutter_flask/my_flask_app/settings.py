"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/settings.py (env-based)."""

import os

ENV = os.environ.get("FLASK_ENV", "production")
DEBUG = ENV == "development"
SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite://")
SECRET_KEY = os.environ.get("SECRET_KEY", "not-so-secret")
SQLALCHEMY_TRACK_MODIFICATIONS = False
