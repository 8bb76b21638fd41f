"""Cart, checkout and order history. Mounted under /orders by the factory."""

from flask import Blueprint

bp = Blueprint("orders", __name__)

from shop.orders import views  # noqa: E402,F401
