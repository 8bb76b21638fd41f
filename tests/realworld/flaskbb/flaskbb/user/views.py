"""Reproduces flaskbb/flaskbb flaskbb/user/views.py: MethodViews registered by a pluggy hook
implementation through register_view(bp, routes=[...], view_func=X.as_view(name))."""

from flask import Blueprint
from flask.views import MethodView
from flask_login import login_required
from pluggy import HookimplMarker

from flaskbb.utils.helpers import register_view

impl = HookimplMarker("flaskbb")


class UserSettings(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ChangePassword(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ChangeEmail(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ChangeUserDetails(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class AllUserTopics(MethodView):
    def get(self, *args, **kwargs):
        return ""


class AllUserPosts(MethodView):
    def get(self, *args, **kwargs):
        return ""


class UserProfile(MethodView):
    def get(self, *args, **kwargs):
        return ""


@impl(tryfirst=True)
def flaskbb_load_blueprints(app):
    user = Blueprint("user", __name__)
    register_view(
        user,
        routes=["/settings/email"],
        view_func=ChangeEmail.as_view("change_email"),
    )
    register_view(
        user,
        routes=["/settings/general"],
        view_func=UserSettings.as_view("settings"),
    )
    register_view(
        user,
        routes=["/settings/password"],
        view_func=ChangePassword.as_view("change_password"),
    )
    register_view(
        user,
        routes=["/settings/user-details"],
        view_func=ChangeUserDetails.as_view("change_user_details"),
    )
    register_view(
        user,
        routes=["/<username>/posts"],
        view_func=AllUserPosts.as_view("view_all_posts"),
    )
    register_view(
        user,
        routes=["/<username>/topics"],
        view_func=AllUserTopics.as_view("view_all_topics"),
    )
    register_view(
        user,
        routes=["/<username>"],
        view_func=UserProfile.as_view("profile"),
    )

    app.register_blueprint(user, url_prefix=app.config["USER_URL_PREFIX"])
