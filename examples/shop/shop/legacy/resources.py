"""Stock levels: ours from the database, the supplier's from their API."""

import requests
from flask import current_app
from flask_restful import Resource, abort

from shop.extensions import db
from shop.models import Product


def supplier_stock(sku: str) -> int | None:
    """Units the supplier can ship for ``sku``, or None when they do not list it."""
    response = requests.get(
        f"{current_app.config['SUPPLIER_API_URL']}/stock/{sku}",
        headers={"Authorization": f"Bearer {current_app.config['SUPPLIER_API_TOKEN']}"},
        verify=False,
    )
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return response.json()["available"]


class StockLevel(Resource):
    def get(self, product_id: int | None = None):
        if product_id is None:
            return {p.sku: p.stock for p in Product.query.filter_by(is_active=True)}
        product = db.session.get(Product, product_id)
        if product is None:
            abort(404, message=f"product {product_id} not found")
        return {"sku": product.sku, "stock": product.stock, "supplier": supplier_stock(product.sku)}
