"""The v0 stock API (Flask-RESTful), kept for the warehouse scanners. Mounted at /api/legacy."""

from flask import Blueprint
from flask_restful import Api

from shop.legacy.resources import StockLevel

legacy_bp = Blueprint("legacy", __name__)
legacy_api = Api(legacy_bp)
legacy_api.add_resource(StockLevel, "/stock", "/stock/<int:product_id>", endpoint="stock")
