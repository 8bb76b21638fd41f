"""Reproduces miguelgrinberg/flasky app/main/views.py."""

from flask_login import login_required

from ..decorators import admin_required, permission_required
from ..models import Permission
from . import main


@main.after_app_request
def after_request(response):
    return response


@main.route("/shutdown")
def server_shutdown():
    return "Shutting down..."


@main.route("/", methods=["GET", "POST"])
def index():
    return ""


@main.route("/user/<username>")
def user(username):
    return ""


@main.route("/edit-profile", methods=["GET", "POST"])
@login_required
def edit_profile():
    return ""


@main.route("/edit-profile/<int:id>", methods=["GET", "POST"])
@login_required
@admin_required
def edit_profile_admin(id):
    return ""


@main.route("/post/<int:id>", methods=["GET", "POST"])
def post(id):
    return ""


@main.route("/edit/<int:id>", methods=["GET", "POST"])
@login_required
def edit(id):
    return ""


@main.route("/follow/<username>")
@login_required
@permission_required(Permission.FOLLOW)
def follow(username):
    return ""


@main.route("/unfollow/<username>")
@login_required
@permission_required(Permission.FOLLOW)
def unfollow(username):
    return ""


@main.route("/followers/<username>")
def followers(username):
    return ""


@main.route("/followed_by/<username>")
def followed_by(username):
    return ""


@main.route("/all")
@login_required
def show_all():
    return ""


@main.route("/followed")
@login_required
def show_followed():
    return ""


@main.route("/moderate")
@login_required
@permission_required(Permission.MODERATE)
def moderate():
    return ""


@main.route("/moderate/enable/<int:id>")
@login_required
@permission_required(Permission.MODERATE)
def moderate_enable(id):
    return ""


@main.route("/moderate/disable/<int:id>")
@login_required
@permission_required(Permission.MODERATE)
def moderate_disable(id):
    return ""
