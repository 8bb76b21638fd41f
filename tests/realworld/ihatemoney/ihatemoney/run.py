"""Reproduces spiral-project/ihatemoney ihatemoney/run.py: aliased blueprint imports, settings module."""

import os

from flask import Flask

from ihatemoney.api.v1 import api as apiv1
from ihatemoney.utils import limiter
from ihatemoney.web import main as web_interface


def load_configuration(app, configuration=None):
    """Find the right configuration file for the application and load it."""
    env_var_config = os.environ.get("IHATEMONEY_SETTINGS_FILE_PATH")
    app.config.from_object("ihatemoney.default_settings")
    if configuration:
        app.config.from_object(configuration)
    elif env_var_config:
        app.config.from_pyfile(env_var_config)
    else:
        app.config.from_pyfile("ihatemoney.cfg", silent=True)


def page_not_found(e):
    return "", 404


def create_app(configuration=None, instance_path="/etc/ihatemoney", instance_relative_config=True):
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=instance_relative_config,
    )

    load_configuration(app, configuration)

    app.register_blueprint(web_interface)
    app.register_blueprint(apiv1)
    app.register_error_handler(404, page_not_found)
    limiter.init_app(app)

    return app


def main():
    app = create_app()
    app.run(host="0.0.0.0", debug=True)


if __name__ == "__main__":
    main()
