"""Reproduces CTFd/CTFd CTFd/admin/statistics.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/statistics", methods=["GET"])
@admins_only
def statistics(*args, **kwargs):
    return ""
