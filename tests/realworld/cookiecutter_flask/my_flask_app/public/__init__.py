"""The public module, including the homepage and user auth."""

from . import views  # noqa: F401
