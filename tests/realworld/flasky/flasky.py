"""Reproduces miguelgrinberg/flasky flasky.py: the app built from a config name in the environment."""

import os

from app import create_app, db
from app.models import Permission, Role, User

app = create_app(os.getenv("FLASK_CONFIG") or "default")


@app.shell_context_processor
def make_shell_context():
    return dict(db=db, User=User, Role=Role, Permission=Permission)
