"""Reproduces CTFd/CTFd CTFd/admin/__init__.py: blueprint first, then its route modules, then more routes."""

from flask import Blueprint

admin = Blueprint("admin", __name__)

# isort:imports-firstparty
from CTFd.admin import challenges  # noqa: F401,I001,E402
from CTFd.admin import notifications  # noqa: F401, E402
from CTFd.admin import pages  # noqa: F401, E402
from CTFd.admin import scoreboard  # noqa: F401, E402
from CTFd.admin import statistics  # noqa: F401, E402
from CTFd.admin import submissions  # noqa: F401, E402
from CTFd.admin import teams  # noqa: F401, E402
from CTFd.admin import users  # noqa: F401, E402
from CTFd.utils.decorators import admins_only  # noqa: E402


@admin.route("/admin", methods=["GET"])
def view():
    return ""


@admin.route("/admin/plugins/<plugin>", methods=["GET", "POST"])
@admins_only
def plugin(plugin):
    return ""


@admin.route("/admin/import", methods=["GET", "POST"])
@admins_only
def import_ctf():
    return ""


@admin.route("/admin/export", methods=["GET", "POST"])
@admins_only
def export_ctf():
    return ""


@admin.route("/admin/import/csv", methods=["POST"])
@admins_only
def import_csv():
    return ""


@admin.route("/admin/export/csv")
@admins_only
def export_csv():
    return ""


@admin.route("/admin/config", methods=["GET", "POST"])
@admins_only
def config():
    return ""


@admin.route("/admin/reset", methods=["GET", "POST"])
@admins_only
def reset():
    return ""
