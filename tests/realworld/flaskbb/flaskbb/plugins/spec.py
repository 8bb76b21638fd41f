"""Reproduces flaskbb/flaskbb flaskbb/plugins/spec.py: pluggy hook specifications."""

from pluggy import HookspecMarker

spec = HookspecMarker("flaskbb")


@spec
def flaskbb_load_blueprints(app):
    """Hook for registering blueprints."""


@spec
def flaskbb_additional_setup(app, pluggy):
    """Hook for any additional setup a plugin wants to do after all other application setup."""
