"""Stand-in for Flask-Login (not installed): only the names the reproductions import."""

from functools import wraps


class _Anonymous:
    is_authenticated = False


current_user = _Anonymous()


def login_required(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def fresh_login_required(func):
    return login_required(func)


def login_user(user, remember=False):
    return True


def logout_user():
    return True


class LoginManager:
    def __init__(self, app=None):
        self.app = app

    def init_app(self, app):
        self.app = app

    def user_loader(self, func):
        return func

    def request_loader(self, func):
        return func

    def unauthorized_handler(self, func):
        return func
