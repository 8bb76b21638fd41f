"""Reproduces miguelgrinberg/flasky app/api/users.py."""

from . import api


@api.route("/users/<int:id>")
def get_user(id):
    return {}


@api.route("/users/<int:id>/posts/")
def get_user_posts(id):
    return {}


@api.route("/users/<int:id>/timeline/")
def get_user_followed_posts(id):
    return {}
