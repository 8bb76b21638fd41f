"""Reproduces miguelgrinberg/flasky app/api/posts.py."""

from ..models import Permission
from . import api
from .decorators import permission_required


@api.route("/posts/")
def get_posts():
    return {}


@api.route("/posts/<int:id>")
def get_post(id):
    return {}


@api.route("/posts/", methods=["POST"])
@permission_required(Permission.WRITE)
def new_post():
    return {}, 201


@api.route("/posts/<int:id>", methods=["PUT"])
@permission_required(Permission.WRITE)
def edit_post(id):
    return {}
