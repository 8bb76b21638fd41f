"""Reproduces spiral-project/ihatemoney ihatemoney/web.py: one blueprint, a `<project_id>` segment
pulled by url_value_preprocessor, a decorator factory, a limiter on one view."""

from functools import wraps

from flask import Blueprint, current_app, g, session

from ihatemoney.utils import limiter

main = Blueprint("main", __name__)


def requires_admin(bypass=None):
    """Require admin permissions for @requires_admin decorated endpoints."""

    def check_admin(f):
        @wraps(f)
        def admin_auth(*args, **kws):
            return f(*args, **kws)

        return admin_auth

    return check_admin


@main.url_defaults
def add_project_id(endpoint, values):
    """Add the project id to the url calls if it is expected."""
    if "project_id" in values or not hasattr(g, "project"):
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "project_id"):
        values["project_id"] = g.project.id


@main.url_value_preprocessor
def pull_project(endpoint, values):
    """When a request contains a project_id value, transform it directly into a project."""
    if not values:
        values = {}
    values.pop("project_id", None)
    g.is_admin = session.get("is_admin")


@main.route("/healthcheck", methods=["GET"])
def health():
    return "OK"


def admin_limit(limit):
    return ""


@main.route("/admin", methods=["GET", "POST"])
@limiter.limit("3/minute", on_breach=admin_limit, methods=["POST"])
def admin():
    return ""


@main.route("/<project_id>/join/<string:token>", methods=["GET"])
def join_project(token):
    return ""


@main.route("/authenticate", methods=["GET", "POST"])
def authenticate(project_id=None):
    return ""


@main.route("/", strict_slashes=False)
def home():
    return ""


@main.route("/mobile")
def mobile():
    return ""


@main.route("/create", methods=["GET", "POST"])
@requires_admin(bypass=("ALLOW_PUBLIC_PROJECT_CREATION", True))
def create_project():
    return ""


@main.route("/password-reminder", methods=["GET", "POST"])
def remind_password():
    return ""


@main.route("/password-reminder-sent", methods=["GET"])
def password_reminder_sent():
    return ""


@main.route("/reset-password", methods=["GET", "POST"])
def reset_password():
    return ""


@main.route("/<project_id>/edit", methods=["GET", "POST"])
def edit_project():
    return ""


@main.route("/<project_id>/import", methods=["POST"])
def import_project():
    return ""


@main.route("/<project_id>/delete", methods=["POST"])
def delete_project():
    return ""


@main.route("/<project_id>/export/<string:file>.<string:fmt>")
def export_project(file, fmt):
    return ""


@main.route("/exit/", methods=["GET", "POST"])
def exit():
    return ""


@main.route("/demo")
def demo():
    return ""


@main.route("/<project_id>/invite", methods=["GET", "POST"])
def invite():
    return ""


@main.route("/<project_id>/")
def list_bills():
    return ""


@main.route("/<project_id>/members/add", methods=["GET", "POST"])
def add_member():
    return ""


@main.route("/<project_id>/members/<member_id>/reactivate", methods=["POST"])
def reactivate(member_id):
    return ""


@main.route("/<project_id>/members/<member_id>/delete", methods=["POST"])
def remove_member(member_id):
    return ""


@main.route("/<project_id>/members/<member_id>/edit", methods=["POST", "GET"])
def edit_member(member_id):
    return ""


@main.route("/<project_id>/add", methods=["GET", "POST"])
def add_bill():
    return ""


@main.route("/<project_id>/delete/<int:bill_id>", methods=["POST"])
def delete_bill(bill_id):
    return ""


@main.route("/<project_id>/edit/<int:bill_id>", methods=["GET", "POST"])
def edit_bill(bill_id):
    return ""


@main.route("/lang/<lang>")
def change_lang(lang):
    return ""


@main.route("/<project_id>/settle_bills")
def settle_bill():
    return ""


@main.route("/<project_id>/history")
def history():
    return ""


@main.route("/<project_id>/erase_history", methods=["POST"])
def erase_history():
    return ""


@main.route("/<project_id>/strip_ip_addresses", methods=["POST"])
def strip_ip_addresses():
    return ""


@main.route("/<project_id>/statistics")
def statistics():
    return ""


@main.route("/dashboard")
@requires_admin(bypass=("ACTIVATE_ADMIN_DASHBOARD", False))
def dashboard():
    return ""


@main.route("/favicon.ico")
def favicon():
    return ""
