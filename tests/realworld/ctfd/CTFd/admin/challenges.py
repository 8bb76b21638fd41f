"""Reproduces CTFd/CTFd CTFd/admin/challenges.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/challenges")
@admins_only
def challenges_listing(*args, **kwargs):
    return ""


@admin.route("/admin/challenges/<int:challenge_id>")
@admins_only
def challenges_detail(*args, **kwargs):
    return ""


@admin.route("/admin/challenges/preview/<int:challenge_id>")
@admins_only
def challenges_preview(*args, **kwargs):
    return ""


@admin.route("/admin/challenges/new")
@admins_only
def challenges_new(*args, **kwargs):
    return ""
