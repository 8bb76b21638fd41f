"""Public JSON API (Flask-RESTX), versioned under /api/v1 with Swagger UI at /api/v1/docs."""

from flask import Blueprint
from flask_restx import Api

API_PREFIX = "/api/v1"

api_bp = Blueprint("api", __name__, url_prefix=API_PREFIX)
api = Api(
    api_bp,
    version="1.0",
    title="Acme Shop API",
    description="Catalogue and order status for partners",
    doc="/docs",
)

from shop.api import status  # noqa: E402,F401  (plain Flask views on api_bp)
from shop.api.products import ns as products_ns  # noqa: E402

api.add_namespace(products_ns, path="/products")
