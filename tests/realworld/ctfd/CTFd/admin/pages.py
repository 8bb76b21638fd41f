"""Reproduces CTFd/CTFd CTFd/admin/pages.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/pages")
@admins_only
def pages_listing(*args, **kwargs):
    return ""


@admin.route("/admin/pages/new")
@admins_only
def pages_new(*args, **kwargs):
    return ""


@admin.route("/admin/pages/preview", methods=["POST"])
@admins_only
def pages_preview(*args, **kwargs):
    return ""


@admin.route("/admin/pages/<int:page_id>")
@admins_only
def pages_detail(*args, **kwargs):
    return ""
