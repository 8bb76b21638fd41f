"""Reproduces getredash/redash redash/app.py: a Flask subclass and the app factory."""

from flask import Flask

from redash import settings


class Redash(Flask):
    """A custom Flask app for Redash"""

    def __init__(self, *args, **kwargs):
        kwargs.update(
            {
                "template_folder": settings.FLASK_TEMPLATE_PATH,
                "static_folder": settings.STATIC_ASSETS_PATH,
                "static_url_path": "/static",
            }
        )
        super().__init__(__name__, *args, **kwargs)
        self.config.from_object("redash.settings")


def create_app():
    from redash import authentication, handlers, security

    from . import limiter

    app = Redash()

    security.init_app(app)
    authentication.init_app(app)
    limiter.init_app(app)
    handlers.init_app(app)

    return app
