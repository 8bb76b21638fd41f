"""Reproduces CTFd/CTFd CTFd/admin/teams.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/teams")
@admins_only
def teams_listing(*args, **kwargs):
    return ""


@admin.route("/admin/teams/new")
@admins_only
def teams_new(*args, **kwargs):
    return ""


@admin.route("/admin/teams/<int:team_id>")
@admins_only
def teams_detail(*args, **kwargs):
    return ""
