"""After dpgaspar/Flask-AppBuilder examples/factoryapp/app/__init__.py and Superset's
initialization: ``AppBuilder(update_perms=False)`` made without an app, ``init_app`` inside the
factory's app context, views and APIs added afterwards (module-level ``add_api`` in an imported
module, ``add_view`` calls in an initializer function)."""

import logging

from flask import Flask

from .extensions import appbuilder, db

logging.basicConfig(format="%(asctime)s:%(levelname)s:%(name)s:%(message)s")


def create_app(config="fabapp.config"):
    app = Flask(__name__)
    with app.app_context():
        app.config.from_object(config)
        db.init_app(app)
        appbuilder.init_app(app, db.session)
        from . import api  # noqa: F401  (module-level appbuilder.add_api)
        from .views import init_views

        init_views(appbuilder)
    return app
