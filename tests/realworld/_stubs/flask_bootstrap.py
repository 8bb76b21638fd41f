"""Stand-in for Flask-Bootstrap."""

from _ext import Extension


class Bootstrap(Extension):
    pass
