"""Stand-in for Flask-PageDown."""

from _ext import Extension


class PageDown(Extension):
    pass
