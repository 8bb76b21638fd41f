"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/user/views.py."""

from flask import Blueprint
from flask_login import login_required

blueprint = Blueprint("user", __name__, url_prefix="/users", static_folder="../static")


@blueprint.route("/")
@login_required
def members():
    """List members."""
    return ""
