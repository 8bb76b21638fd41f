"""Stand-in for Flask-Migrate."""

from _ext import Extension


class Migrate(Extension):
    pass
