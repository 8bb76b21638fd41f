"""Stand-in for Flask-Moment."""

from _ext import Extension


class Moment(Extension):
    pass
