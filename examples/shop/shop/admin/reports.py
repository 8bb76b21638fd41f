"""Sales reports and CSV exports, nested in the admin blueprint (/admin/reports/...)."""

import csv
import io
import os
from collections import defaultdict
from datetime import datetime, timezone

from flask import Blueprint, current_app, render_template, request, send_file

from shop.models import Order

reports_bp = Blueprint("reports", __name__, url_prefix="/reports")


@reports_bp.get("/sales")
def sales():
    """Revenue per category over the paid orders."""
    orders = Order.query.filter_by(status="paid").all()
    revenue = defaultdict(int)
    for order in orders:
        for item in order.items:
            revenue[item.product.category] += item.quantity * item.unit_price_cents
    return render_template("admin/sales.html", revenue=dict(revenue), order_count=len(orders))


@reports_bp.post("/exports")
def create_export():
    """Write the paid orders to a CSV file in EXPORT_DIR and return its name."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["order", "customer", "total"])
    for order in Order.query.filter_by(status="paid"):
        writer.writerow([order.id, order.user.email, order.total_cents / 100])
    name = f"orders-{datetime.now(timezone.utc):%Y%m%d%H%M%S}.csv"
    os.makedirs(current_app.config["EXPORT_DIR"], exist_ok=True)
    with open(os.path.join(current_app.config["EXPORT_DIR"], name), "w", newline="") as fh:
        fh.write(buffer.getvalue())
    return {"file": name}, 201


@reports_bp.get("/exports/download")
def download_export():
    filename = request.args.get("file", "")
    path = os.path.join(current_app.config["EXPORT_DIR"], filename)
    return send_file(path, as_attachment=True)
