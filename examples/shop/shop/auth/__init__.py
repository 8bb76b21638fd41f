"""Sign-in, registration and the account page."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from shop.auth import views  # noqa: E402,F401  (registers the routes on bp)
