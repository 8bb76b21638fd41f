"""Reproduces CTFd/CTFd CTFd/admin/submissions.py: routes on the package's blueprint."""

from CTFd.admin import admin
from CTFd.utils.decorators import admins_only


@admin.route("/admin/submissions", defaults={"submission_type": None})
@admins_only
def submissions_listing(*args, **kwargs):
    return ""


@admin.route("/admin/submissions/<submission_type>")
@admins_only
def submissions_listing_by_type(*args, **kwargs):
    return ""
