"""Reproduces flaskbb/flaskbb flaskbb/auth/views.py: MethodViews registered by a pluggy hook
implementation through register_view(bp, routes=[...], view_func=X.as_view(name))."""

from flask import Blueprint
from flask.views import MethodView
from flask_login import login_required
from pluggy import HookimplMarker

from flaskbb.utils.helpers import register_view

from .services import (
    account_activator_factory,
    authentication_manager_factory,
    registration_service_factory,
)

impl = HookimplMarker("flaskbb")


class Logout(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""


class Login(MethodView):
    def __init__(self, authentication_manager_factory):
        self.authentication_manager_factory = authentication_manager_factory

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class Reauth(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class Register(MethodView):
    def __init__(self, registration_service_factory):
        self.registration_service_factory = registration_service_factory

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ForgotPassword(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ResetPassword(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class RequestActivationToken(MethodView):
    def __init__(self, account_activator_factory):
        self.account_activator_factory = account_activator_factory

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class AutoActivateAccount(MethodView):
    def __init__(self, account_activator_factory):
        self.account_activator_factory = account_activator_factory

    def get(self, *args, **kwargs):
        return ""


class ActivateAccount(MethodView):
    def __init__(self, account_activator_factory):
        self.account_activator_factory = account_activator_factory

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


@impl(tryfirst=True)
def flaskbb_load_blueprints(app):
    auth = Blueprint("auth", __name__)

    @auth.before_request
    def check_rate_limiting():
        """Check the the rate limits for each request for this blueprint."""
        return None

    @auth.errorhandler(429)
    def login_rate_limit_error(error):
        return "", 429

    register_view(
        auth,
        routes=["/logout"],
        view_func=Logout.as_view("logout"),
    )
    register_view(
        auth,
        routes=["/login"],
        view_func=Login.as_view(
            "login", authentication_manager_factory=authentication_manager_factory
        ),
    )
    register_view(
        auth,
        routes=["/reauth"],
        view_func=Reauth.as_view("reauth"),
    )
    register_view(
        auth,
        routes=["/register"],
        view_func=Register.as_view(
            "register", registration_service_factory=registration_service_factory
        ),
    )
    register_view(
        auth,
        routes=["/reset-password"],
        view_func=ForgotPassword.as_view("forgot_password"),
    )
    register_view(
        auth,
        routes=["/reset-password/<token>"],
        view_func=ResetPassword.as_view("reset_password"),
    )
    register_view(
        auth,
        routes=["/activate"],
        view_func=RequestActivationToken.as_view(
            "request_activation_token", account_activator_factory=account_activator_factory
        ),
    )
    register_view(
        auth,
        routes=["/activate/confirm"],
        view_func=ActivateAccount.as_view(
            "activate_account", account_activator_factory=account_activator_factory
        ),
    )
    register_view(
        auth,
        routes=["/activate/confirm/<token>"],
        view_func=AutoActivateAccount.as_view(
            "autoactivate_account", account_activator_factory=account_activator_factory
        ),
    )

    app.register_blueprint(auth, url_prefix=app.config["AUTH_URL_PREFIX"])
