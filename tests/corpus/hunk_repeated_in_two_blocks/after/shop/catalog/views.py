from flask import Blueprint, jsonify, request

from shop.db import get_db

bp = Blueprint("catalog", __name__, url_prefix="/catalog")


@bp.route("/search")
def search():
    term = request.args.get("q", "")
    db = get_db()
    rows = db.execute(
        "SELECT id, name, price FROM products WHERE name LIKE '%" + term + "%'"
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@bp.route("/<int:product_id>")
def detail(product_id):
    db = get_db()
    row = db.execute("SELECT id, name, price FROM products WHERE id = ?", (product_id,)).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


@bp.route("/", methods=["POST"])
def create():
    data = request.get_json()
    db = get_db()
    db.execute("INSERT INTO products (name, price) VALUES (?, ?)", (data["name"], data["price"]))
    db.commit()
    return jsonify({"ok": True})
