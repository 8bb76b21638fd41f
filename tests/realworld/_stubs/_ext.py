"""Shared base for the extension stand-ins: ``Ext(app)`` or ``Ext()`` + ``init_app(app)``."""


class Extension:
    def __init__(self, app=None, *args, **kwargs):
        self.app = app

    def init_app(self, app, *args, **kwargs):
        self.app = app
