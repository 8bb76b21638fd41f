"""Reproduces miguelgrinberg/microblog app/main/routes.py."""

from flask_login import login_required

from app.main import bp


@bp.before_app_request
def before_request():
    return None


@bp.route("/", methods=["GET", "POST"])
@bp.route("/index", methods=["GET", "POST"])
@login_required
def index():
    return ""


@bp.route("/explore")
@login_required
def explore():
    return ""


@bp.route("/user/<username>")
@login_required
def user(username):
    return ""


@bp.route("/user/<username>/popup")
@login_required
def user_popup(username):
    return ""


@bp.route("/edit_profile", methods=["GET", "POST"])
@login_required
def edit_profile():
    return ""


@bp.route("/follow/<username>", methods=["POST"])
@login_required
def follow(username):
    return ""


@bp.route("/unfollow/<username>", methods=["POST"])
@login_required
def unfollow(username):
    return ""


@bp.route("/translate", methods=["POST"])
@login_required
def translate_text():
    return {}


@bp.route("/search")
@login_required
def search():
    return ""


@bp.route("/send_message/<recipient>", methods=["GET", "POST"])
@login_required
def send_message(recipient):
    return ""


@bp.route("/messages")
@login_required
def messages():
    return ""


@bp.route("/export_posts")
@login_required
def export_posts():
    return ""


@bp.route("/notifications")
@login_required
def notifications():
    return []
