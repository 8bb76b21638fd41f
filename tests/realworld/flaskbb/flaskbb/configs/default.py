"""Reproduces flaskbb/flaskbb flaskbb/configs/default.py: the default config class (URL prefixes)."""

import os


class DefaultConfig:
    # Get the app root path
    _basedir = os.path.join(os.path.abspath(os.path.dirname(os.path.dirname(__file__))))

    DEBUG = False
    TESTING = False
    SECRET_KEY = "secret key"
    REDIS_ENABLED = False

    # URL Prefixes
    FORUM_URL_PREFIX = ""
    USER_URL_PREFIX = "/user"
    MESSAGE_URL_PREFIX = "/message"
    AUTH_URL_PREFIX = "/auth"
    ADMIN_URL_PREFIX = "/admin"
