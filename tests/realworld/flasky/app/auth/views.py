"""Reproduces miguelgrinberg/flasky app/auth/views.py."""

from flask_login import login_required

from . import auth


@auth.before_app_request
def before_request():
    return None


@auth.route("/unconfirmed")
def unconfirmed():
    return ""


@auth.route("/login", methods=["GET", "POST"])
def login():
    return ""


@auth.route("/logout")
@login_required
def logout():
    return ""


@auth.route("/register", methods=["GET", "POST"])
def register():
    return ""


@auth.route("/confirm/<token>")
@login_required
def confirm(token):
    return ""


@auth.route("/confirm")
@login_required
def resend_confirmation():
    return ""


@auth.route("/change-password", methods=["GET", "POST"])
@login_required
def change_password():
    return ""


@auth.route("/reset", methods=["GET", "POST"])
def password_reset_request():
    return ""


@auth.route("/reset/<token>", methods=["GET", "POST"])
def password_reset(token):
    return ""


@auth.route("/change_email", methods=["GET", "POST"])
@login_required
def change_email_request():
    return ""


@auth.route("/change_email/<token>")
@login_required
def change_email(token):
    return ""
