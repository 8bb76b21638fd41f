"""The public product catalogue. Mounted under /catalog by the factory."""

from flask import Blueprint

bp = Blueprint("catalog", __name__)

from shop.catalog import views  # noqa: E402,F401
