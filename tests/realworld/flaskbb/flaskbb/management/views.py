"""Reproduces flaskbb/flaskbb flaskbb/management/views.py: MethodViews registered by a pluggy hook
implementation through register_view(bp, routes=[...], view_func=X.as_view(name))."""

from flask import Blueprint
from flask.views import MethodView
from pluggy import HookimplMarker

from flaskbb.utils.helpers import register_view

impl = HookimplMarker("flaskbb")


class ManagementOverview(MethodView):
    def get(self, *args, **kwargs):
        return ""


class ManagementSettings(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ManageUsers(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class AddUser(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class EditUser(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class DeleteUser(MethodView):
    def post(self, *args, **kwargs):
        return ""


class BannedUsers(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class BanUser(MethodView):
    def post(self, *args, **kwargs):
        return ""


class UnbanUser(MethodView):
    def post(self, *args, **kwargs):
        return ""


class Reports(MethodView):
    def get(self, *args, **kwargs):
        return ""


class UnreadReports(MethodView):
    def get(self, *args, **kwargs):
        return ""


class MarkReportRead(MethodView):
    def post(self, *args, **kwargs):
        return ""


class DeleteReport(MethodView):
    def post(self, *args, **kwargs):
        return ""


class ManageGroups(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class EditGroup(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class DeleteGroup(MethodView):
    def post(self, *args, **kwargs):
        return ""


class AddGroup(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class Forums(MethodView):
    def get(self, *args, **kwargs):
        return ""


class EditForum(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class AddForum(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class DeleteForum(MethodView):
    def post(self, *args, **kwargs):
        return ""


class PluginsView(MethodView):
    def get(self, *args, **kwargs):
        return ""


class EnablePlugin(MethodView):
    def post(self, *args, **kwargs):
        return ""


class DisablePlugin(MethodView):
    def post(self, *args, **kwargs):
        return ""


class CeleryStatus(MethodView):
    def get(self, *args, **kwargs):
        return ""


@impl(tryfirst=True)
def flaskbb_load_blueprints(app):
    management = Blueprint("management", __name__)

    def check_fresh_login():
        """Checks if the login is fresh for the current user, otherwise the user
        has to reauthenticate."""
        return None

    management.before_request(check_fresh_login)

    register_view(
        management,
        routes=["/", "/overview"],
        view_func=ManagementOverview.as_view("overview"),
    )
    register_view(
        management,
        routes=["/settings", "/settings/<path:slug>", "/settings/plugin/<path:plugin>"],
        view_func=ManagementSettings.as_view("settings"),
    )
    register_view(
        management,
        routes=["/users"],
        view_func=ManageUsers.as_view("users"),
    )
    register_view(
        management,
        routes=["/users/add"],
        view_func=AddUser.as_view("add_user"),
    )
    register_view(
        management,
        routes=["/users/<int:user_id>/edit"],
        view_func=EditUser.as_view("edit_user"),
    )
    register_view(
        management,
        routes=["/users/delete", "/users/<int:user_id>/delete"],
        view_func=DeleteUser.as_view("delete_user"),
    )
    register_view(
        management,
        routes=["/users/banned"],
        view_func=BannedUsers.as_view("banned_users"),
    )
    register_view(
        management,
        routes=["/users/ban", "/users/<int:user_id>/ban"],
        view_func=BanUser.as_view("ban_user"),
    )
    register_view(
        management,
        routes=["/users/unban", "/users/<int:user_id>/unban"],
        view_func=UnbanUser.as_view("unban_user"),
    )
    register_view(
        management,
        routes=["/reports"],
        view_func=Reports.as_view("reports"),
    )
    register_view(
        management,
        routes=["/reports/unread"],
        view_func=UnreadReports.as_view("unread_reports"),
    )
    register_view(
        management,
        routes=["/reports/<int:report_id>/markread", "/reports/markread"],
        view_func=MarkReportRead.as_view("report_markread"),
    )
    register_view(
        management,
        routes=["/reports/<int:report_id>/delete", "/reports/delete"],
        view_func=DeleteReport.as_view("delete_report"),
    )
    register_view(
        management,
        routes=["/groups"],
        view_func=ManageGroups.as_view("groups"),
    )
    register_view(
        management,
        routes=["/groups/<int:group_id>/edit"],
        view_func=EditGroup.as_view("edit_group"),
    )
    register_view(
        management,
        routes=["/groups/<int:group_id>/delete", "/groups/delete"],
        view_func=DeleteGroup.as_view("delete_group"),
    )
    register_view(
        management,
        routes=["/groups/add"],
        view_func=AddGroup.as_view("add_group"),
    )
    register_view(
        management,
        routes=["/forums"],
        view_func=Forums.as_view("forums"),
    )
    register_view(
        management,
        routes=["/forums/<int:forum_id>/edit"],
        view_func=EditForum.as_view("edit_forum"),
    )
    register_view(
        management,
        routes=["/forums/<int:forum_id>/delete"],
        view_func=DeleteForum.as_view("delete_forum"),
    )
    register_view(
        management,
        routes=["/forums/add", "/forums/<int:category_id>/add"],
        view_func=AddForum.as_view("add_forum"),
    )
    register_view(
        management,
        routes=["/plugins"],
        view_func=PluginsView.as_view("plugins"),
    )
    register_view(
        management,
        routes=["/plugins/<path:name>/enable"],
        view_func=EnablePlugin.as_view("enable_plugin"),
    )
    register_view(
        management,
        routes=["/plugins/<path:name>/disable"],
        view_func=DisablePlugin.as_view("disable_plugin"),
    )
    register_view(
        management,
        routes=["/celerystatus"],
        view_func=CeleryStatus.as_view("celery_status"),
    )

    app.register_blueprint(management, url_prefix=app.config["ADMIN_URL_PREFIX"])
