"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/public/views.py:
a blueprint with its own static folder (Flask adds ``public.static``)."""

from flask import Blueprint
from flask_login import login_required

from my_flask_app.extensions import login_manager

blueprint = Blueprint("public", __name__, static_folder="../static")


@login_manager.user_loader
def load_user(user_id):
    """Load user by ID."""
    return None


@blueprint.route("/", methods=["GET", "POST"])
def home():
    """Home page."""
    return ""


@blueprint.route("/logout/")
@login_required
def logout():
    """Logout."""
    return ""


@blueprint.route("/register/", methods=["GET", "POST"])
def register():
    """Register new user."""
    return ""


@blueprint.route("/about/")
def about():
    """About page."""
    return ""
