"""Reproduces flaskbb/flaskbb flaskbb/extensions.py: extension objects (stand-ins where not installed)."""

from flask_limiter import Limiter
from flask_login import LoginManager

login_manager = LoginManager()
limiter = Limiter(key_func=lambda: "client")
