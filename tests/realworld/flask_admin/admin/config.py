"""Reproduces pallets-eco/flask-admin examples/sqla/admin/config.py (the database only)."""

SQLALCHEMY_DATABASE_URI = "sqlite://"
SQLALCHEMY_TRACK_MODIFICATIONS = False
