"""Reproduces pgadmin-org/pgadmin4 web/config.py (the few settings the app factory reads)."""

APP_NAME = "pgAdmin 4"
APP_VERSION = "8.0"
MODULE_BLACKLIST = ["test"]
SERVER_MODE = False
