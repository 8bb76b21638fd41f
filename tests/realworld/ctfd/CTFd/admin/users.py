"""Reproduces CTFd/CTFd CTFd/admin/users.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/users")
@admins_only
def users_listing(*args, **kwargs):
    return ""


@admin.route("/admin/users/new")
@admins_only
def users_new(*args, **kwargs):
    return ""


@admin.route("/admin/users/<int:user_id>")
@admins_only
def users_detail(*args, **kwargs):
    return ""
