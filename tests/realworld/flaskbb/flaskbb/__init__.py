"""Reproduces flaskbb/flaskbb flaskbb/__init__.py: the package re-exports create_app."""

__version__ = "2.0.2"

from flaskbb.app import create_app  # noqa: F401
