"""Reproduces Netflix/lemur lemur/factory.py: blueprints tuple + defaults, one versioned prefix for all."""

import os

from flask import Flask

from lemur.common.health import mod as health

DEFAULT_BLUEPRINTS = (health,)

API_VERSION = 1


def create_app(app_name=None, blueprints=None, config=None):
    """
    Lemur application factory

    :param config:
    :param app_name:
    :param blueprints:
    :return:
    """
    if not blueprints:
        blueprints = DEFAULT_BLUEPRINTS
    else:
        blueprints = blueprints + DEFAULT_BLUEPRINTS

    if not app_name:
        app_name = __name__

    app = Flask(app_name)
    configure_app(app, config)
    configure_blueprints(app, blueprints)
    return app


def configure_app(app, config=None):
    """
    Different ways of configuration
    """
    if config and config != "None":
        app.config["CONFIG_PATH"] = config
    else:
        app.config.from_pyfile(
            os.path.join(os.path.dirname(os.path.realpath(__file__)), "default.conf.py")
        )
    # we don't use this
    app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False


def configure_blueprints(app, blueprints):
    """
    We prefix our APIs with their given version so that we can support
    multiple concurrent API versions.

    :param app:
    :param blueprints:
    """
    for blueprint in blueprints:
        app.register_blueprint(blueprint, url_prefix=f"/api/{API_VERSION}")
