from flask import Blueprint, abort, jsonify, request

from shop.db import get_db

bp = Blueprint("orders", __name__, url_prefix="/orders")


@bp.route("/<int:order_id>")
def show(order_id):
    db = get_db()
    row = db.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


@bp.route("/<int:order_id>/items")
def items(order_id):
    db = get_db()
    row = db.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    rows = db.execute("SELECT * FROM items WHERE order_id = ?", (order_id,)).fetchall()
    return jsonify([dict(r) for r in rows])


@bp.route("/<int:order_id>/cancel", methods=["POST"])
def cancel(order_id):
    db = get_db()
    row = db.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    db.execute("UPDATE orders SET status = 'cancelled' WHERE id = ?", (order_id,))
    db.commit()
    return jsonify({"ok": True})
