"""Reproduces miguelgrinberg/microblog app/auth/routes.py."""

from app.auth import bp


@bp.route("/login", methods=["GET", "POST"])
def login():
    return ""


@bp.route("/logout")
def logout():
    return ""


@bp.route("/register", methods=["GET", "POST"])
def register():
    return ""


@bp.route("/reset_password_request", methods=["GET", "POST"])
def reset_password_request():
    return ""


@bp.route("/reset_password/<token>", methods=["GET", "POST"])
def reset_password(token):
    return ""
