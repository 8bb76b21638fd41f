"""Reproduces CTFd/CTFd CTFd/admin/scoreboard.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/scoreboard")
@admins_only
def scoreboard_listing(*args, **kwargs):
    return ""
