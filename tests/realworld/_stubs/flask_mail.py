"""Stand-in for Flask-Mail."""

from _ext import Extension


class Mail(Extension):
    pass


class Message:
    def __init__(self, *args, **kwargs):
        self.args = args
