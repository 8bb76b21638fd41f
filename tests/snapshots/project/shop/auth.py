from flask import Blueprint, request

from shop.security import login_required

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        return "posted"
    return "form"


@bp.route("/logout")
@login_required
def logout():
    return "bye"


@bp.route("/profile")
@login_required
def profile():
    return "me"


@bp.route("/settings", methods=["POST"])
def settings():
    return "saved"
