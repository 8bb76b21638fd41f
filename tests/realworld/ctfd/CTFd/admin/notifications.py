"""Reproduces CTFd/CTFd CTFd/admin/notifications.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/notifications")
@admins_only
def notifications(*args, **kwargs):
    return ""
