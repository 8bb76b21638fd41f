"""After Superset's superset/extensions/__init__.py: the AppBuilder is built with no app."""

from flask_appbuilder import AppBuilder
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
appbuilder = AppBuilder(update_perms=False)
