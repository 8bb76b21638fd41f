"""After Flask-AppBuilder examples/quickhowto/config.py and Superset's config.py."""

from flask_appbuilder.security.manager import AUTH_DB

SECRET_KEY = "dev"  # the example's key, reduced
SQLALCHEMY_DATABASE_URI = "sqlite://"
CSRF_ENABLED = True
APP_NAME = "Contacts"
AUTH_TYPE = AUTH_DB
FAB_API_SWAGGER_UI = True
FAB_ADD_SECURITY_VIEW_MENU_VIEW = False
