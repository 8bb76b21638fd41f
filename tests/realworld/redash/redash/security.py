"""Reproduces getredash/redash redash/security.py: Talisman and the embedding decorator (stand-ins)."""

import functools


class Talisman:
    def __call__(self, **options):
        def decorator(func):
            return func

        return decorator

    def init_app(self, app, **options):
        self.app = app


talisman = Talisman()


def csp_allows_embeding(fn):
    @functools.wraps(fn)
    def decorated(*args, **kwargs):
        return fn(*args, **kwargs)

    return decorated


def init_app(app):
    talisman.init_app(app, force_https=False)
