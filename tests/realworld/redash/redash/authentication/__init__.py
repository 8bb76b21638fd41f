"""Reproduces getredash/redash redash/authentication/__init__.py: init_app registers the SSO blueprints."""

from flask_login import LoginManager

login_manager = LoginManager()


def get_next_path(unsafe_next_path):
    return unsafe_next_path or "./"


def init_app(app):
    from redash.authentication import (
        google_oauth,
        ldap_auth,
        remote_user_auth,
        saml_auth,
    )

    login_manager.init_app(app)

    app.register_blueprint(google_oauth.blueprint)
    app.register_blueprint(saml_auth.blueprint)
    app.register_blueprint(remote_user_auth.blueprint)
    app.register_blueprint(ldap_auth.blueprint)
