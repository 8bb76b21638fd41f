"""Reproduces miguelgrinberg/microblog app/api/users.py."""

from app.api import bp
from app.api.auth import token_auth


@bp.route("/users/<int:id>", methods=["GET"])
@token_auth.login_required
def get_user(id):
    return {}


@bp.route("/users", methods=["GET"])
@token_auth.login_required
def get_users():
    return {}


@bp.route("/users/<int:id>/followers", methods=["GET"])
@token_auth.login_required
def get_followers(id):
    return {}


@bp.route("/users/<int:id>/following", methods=["GET"])
@token_auth.login_required
def get_following(id):
    return {}


@bp.route("/users", methods=["POST"])
def create_user():
    return {}, 201


@bp.route("/users/<int:id>", methods=["PUT"])
@token_auth.login_required
def update_user(id):
    return {}
