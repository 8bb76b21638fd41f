"""Reproduces pgadmin-org/pgadmin4 web/pgadmin/__init__.py: a Flask subclass that discovers its
modules by walking the package and registers every PgAdminModule instance it finds."""

from importlib import import_module

import config
from flask import Flask

from pgadmin.utils import PgAdminModule, find_modules


class PgAdmin(Flask):
    def __init__(self, *args, **kwargs):
        # Set the template loader to a postgres-version-aware loader
        self.jinja_options = dict(Flask.jinja_options)
        super().__init__(*args, **kwargs)

    def find_submodules(self, basemodule):
        for module_name in find_modules(basemodule, True):
            if module_name in self.config["MODULE_BLACKLIST"]:
                self.logger.info("Skipping blacklisted module: %s" % module_name)  # noqa: UP031
                continue
            self.logger.info("Examining potential module: %s" % module_name)  # noqa: UP031
            module = import_module(module_name)
            for key in list(module.__dict__.keys()):
                if isinstance(module.__dict__[key], PgAdminModule):
                    yield module.__dict__[key]


def create_app(app_name=None):
    # Configuration settings
    if not app_name:
        app_name = config.APP_NAME

    app = PgAdmin(__name__, static_url_path="/static")
    # Removes unwanted whitespace from render_template function
    app.jinja_env.trim_blocks = True
    app.config.from_object(config)
    app.config.update(dict(PROPAGATE_EXCEPTIONS=True))

    ##########################################################################
    # Load plugin modules
    ##########################################################################
    for module in app.find_submodules("pgadmin"):
        app.logger.info("Registering blueprint module: %s" % module)  # noqa: UP031
        if app.blueprints.get(module.name) is None:
            app.register_blueprint(module)

    @app.route("/")
    def index():
        return ""

    return app
