"""Reproduces flaskbb/flaskbb flaskbb/app.py: blueprints come from pluggy hook implementations.

``load_plugins`` registers every loaded ``flaskbb*`` module with the plugin manager;
``configure_blueprints`` fires the ``flaskbb_load_blueprints`` hook, whose implementations (one per
views module) build and register the blueprints with prefixes taken from ``app.config``.
"""

import os
import sys

from flask import Flask

from flaskbb.extensions import limiter, login_manager
from flaskbb.plugins import spec
from flaskbb.plugins.manager import FlaskBBPluginManager
from flaskbb.utils.helpers import get_flaskbb_config

from .auth import views as auth_views  # noqa: F401
from .forum import views as forum_views  # noqa: F401
from .management import views as management_views  # noqa: F401
from .user import views as user_views  # noqa: F401


def create_app(config=None, instance_path=None):
    """Creates the app."""
    app = Flask("flaskbb", instance_path=instance_path, instance_relative_config=True)

    configure_app(app, config)
    configure_extensions(app)
    load_plugins(app)
    configure_blueprints(app)
    configure_errorhandlers(app)
    app.pluggy.hook.flaskbb_additional_setup(app=app, pluggy=app.pluggy)

    return app


def configure_app(app, config):
    """Configures FlaskBB."""
    # Use the default config and override it afterwards
    app.config.from_object("flaskbb.configs.default.DefaultConfig")
    config = get_flaskbb_config(app, config)
    # Path
    if isinstance(config, str):
        app.config.from_pyfile(config)
    # Module
    else:
        # try to update the config from the object
        app.config.from_object(config)

    # Get config file from envvar
    app.config.from_envvar("FLASKBB_SETTINGS", silent=True)

    app.pluggy = FlaskBBPluginManager("flaskbb")


def configure_blueprints(app):
    app.pluggy.hook.flaskbb_load_blueprints(app=app)


def configure_extensions(app):
    """Configures the extensions."""
    limiter.init_app(app)
    login_manager.init_app(app)


def configure_errorhandlers(app):
    """Configures the error handlers."""

    @app.errorhandler(403)
    def forbidden_page(error):
        return "", 403

    @app.errorhandler(404)
    def page_not_found(error):
        return "", 404


def load_plugins(app):
    app.pluggy.add_hookspecs(spec)

    # have to find all the flaskbb modules that are loaded this way
    # otherwise sys.modules might change while we're iterating it
    # because of imports and that makes Python very unhappy
    # we are not interested in duplicated plugins or invalid ones
    # ('None' - appears on py2) and thus using a set
    flaskbb_modules = set(
        module for name, module in sys.modules.items() if name.startswith("flaskbb")
    )
    for module in flaskbb_modules:
        app.pluggy.register(module, internal=True)

    app.pluggy.load_setuptools_entrypoints("flaskbb_plugins")
    if os.environ.get("FLASKBB_NO_PLUGINS"):
        return
