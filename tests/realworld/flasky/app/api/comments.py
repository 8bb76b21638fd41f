"""Reproduces miguelgrinberg/flasky app/api/comments.py."""

from ..models import Permission
from . import api
from .decorators import permission_required


@api.route("/comments/")
def get_comments():
    return {}


@api.route("/comments/<int:id>")
def get_comment(id):
    return {}


@api.route("/posts/<int:id>/comments/")
def get_post_comments(id):
    return {}


@api.route("/posts/<int:id>/comments/", methods=["POST"])
@permission_required(Permission.COMMENT)
def new_post_comment(id):
    return {}, 201
