"""Reproduces getredash/redash redash/__init__.py: shared extensions and the create_app re-export."""

from flask_limiter import Limiter

from redash import settings

limiter = Limiter(key_func=lambda: "client", storage_uri=settings.LIMITER_STORAGE)

from redash.app import create_app  # noqa: E402, F401
