"""Order tracking for partners: plain Flask views on the API blueprint (predates RESTX here)."""

from flask import abort, jsonify

from shop.api import api_bp
from shop.api.security import api_key_required
from shop.extensions import db
from shop.models import Order


@api_bp.get("/orders/<int:order_id>/status")
@api_key_required
def order_status(order_id: int):
    order = db.session.get(Order, order_id)
    if order is None:
        abort(404)
    return jsonify(id=order.id, status=order.status, updated=order.created_at.isoformat())
