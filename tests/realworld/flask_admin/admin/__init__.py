"""Reproduces pallets-eco/flask-admin examples/sqla/admin/__init__.py: a module-level app and
database; the admin views are set up by importing ``admin.main`` at the end."""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_pyfile("config.py")
db = SQLAlchemy(app)


import admin.main  # noqa: E402,F401
