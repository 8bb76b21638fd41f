"""Reproduces CTFd/CTFd CTFd/config.py: settings from the environment, a Swagger switch."""

import os


def process_boolean_str(value):
    if type(value) is bool:
        return value
    if value is None:
        return False
    if value == "":
        return None
    return value.lower() in ("true", "yes", "1")


class ServerConfig:
    SECRET_KEY = os.getenv("SECRET_KEY") or "dev"
    SAFE_MODE = process_boolean_str(os.getenv("SAFE_MODE", "false"))
    SWAGGER_UI_ENDPOINT = "/" if process_boolean_str(os.getenv("SWAGGER_UI")) else None
    THEME_FALLBACK = process_boolean_str(os.getenv("THEME_FALLBACK", "true"))


class TestingConfig(ServerConfig):
    TESTING = True


# Actually initialize ServerConfig to allow us to add more attributes on
Config = ServerConfig()
