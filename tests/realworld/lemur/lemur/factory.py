"""Reproduces Netflix/lemur lemur/factory.py: blueprints handed in by the outer factory plus the
defaults, a configure_app that raises on some branches (from_file's FileNotFoundError, the
RuntimeError of from_envvar caught), then one versioned prefix for every blueprint."""

import errno
import importlib.util
import os

from click import get_current_context
from flask import Flask

from lemur.common.health import mod as health
from lemur.extensions import db

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
    ctx = get_current_context(silent=True)

    # get config option value from command line
    if ctx and config is None:
        script_info = ctx.obj
        if script_info:
            config = script_info.config

    configure_app(app, config)
    configure_blueprints(app, blueprints)
    configure_extensions(app)

    @app.teardown_appcontext
    def teardown(exception=None):
        if db.session:
            db.session.remove()

    @app.shell_context_processor
    def shell_context():
        return {"app": app, "db": db}

    return app


def from_file(file_path, silent=False):
    """
    Updates the values in the config from a Python file.  This function
    behaves as if the file was imported as module with the

    :param file_path:
    :param silent:
    """

    if os.path.isfile(file_path):
        module_spec = importlib.util.spec_from_file_location("config", file_path)
        d = importlib.util.module_from_spec(module_spec)
    else:
        raise FileNotFoundError(f"Unable to load config file: `{file_path}`")

    try:
        with open(file_path) as config_file:
            exec(compile(config_file.read(), file_path, "exec"), d.__dict__)
    except OSError as e:
        if silent and e.errno in (errno.ENOENT, errno.EISDIR):
            return False
        e.strerror = f"Unable to load configuration file ({e.strerror})"
        raise
    return d


def configure_app(app, config=None):
    """
    Different ways of configuration

    :param app:
    :param config:
    :return:
    """
    # respect the config first
    if config and config != "None":
        app.config["CONFIG_PATH"] = config
        app.config.from_object(from_file(config))
    else:
        try:
            app.config.from_envvar("LEMUR_CONF")
        except RuntimeError:
            # look in default paths
            if os.path.isfile(os.path.expanduser("~/.lemur/lemur.conf.py")):
                app.config.from_object(from_file(os.path.expanduser("~/.lemur/lemur.conf.py")))
            else:
                app.config.from_object(
                    from_file(
                        os.path.join(
                            os.path.dirname(os.path.realpath(__file__)),
                            "default.conf.py",
                        )
                    )
                )

    # we don't use this
    app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False


def configure_extensions(app):
    """
    Attaches and configures any needed flask extensions
    to our app.

    :param app:
    """
    db.init_app(app)


def configure_blueprints(app, blueprints):
    """
    We prefix our APIs with their given version so that we can support
    multiple concurrent API versions.

    :param app:
    :param blueprints:
    """
    for blueprint in blueprints:
        app.register_blueprint(blueprint, url_prefix=f"/api/{API_VERSION}")
