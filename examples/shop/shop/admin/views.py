"""Staff dashboard and product management."""

import yaml
from flask import flash, redirect, render_template, request, url_for
from flask.views import MethodView

from shop.admin import admin_bp
from shop.extensions import db
from shop.models import Order, Product, User


@admin_bp.get("/")
def dashboard():
    stats = {
        "users": len(User.query.all()),
        "products": len(Product.query.filter_by(is_active=True).all()),
        "pending_orders": len(Order.query.filter_by(status="pending").all()),
    }
    return render_template("admin/dashboard.html", stats=stats)


class ProductListView(MethodView):
    """GET lists every product (active or not); POST creates one from the admin form."""

    def get(self):
        products = Product.query.order_by(Product.sku).all()
        return render_template("admin/products.html", products=products)

    def post(self):
        form = request.form
        product = Product(
            sku=form["sku"].strip().upper(),
            name=form["name"].strip(),
            category=form.get("category", "misc"),
            price_cents=int(float(form["price"]) * 100),
            stock=form.get("stock", 0, type=int),
        )
        db.session.add(product)
        db.session.commit()
        flash(f"Created {product.sku}.", "success")
        return redirect(url_for("admin.products"))


class ProductItemView(MethodView):
    """Update or retire one product (the admin UI calls these with fetch)."""

    def put(self, product_id: int):
        product = db.get_or_404(Product, product_id)
        data = request.get_json(force=True)
        for field in ("name", "category", "price_cents", "stock", "is_active"):
            if field in data:
                setattr(product, field, data[field])
        db.session.commit()
        return product.to_dict()

    def delete(self, product_id: int):
        product = db.get_or_404(Product, product_id)
        product.is_active = False
        db.session.commit()
        return "", 204


admin_bp.add_url_rule("/products/", view_func=ProductListView.as_view("products"))
admin_bp.add_url_rule("/products/<int:product_id>", view_func=ProductItemView.as_view("product"))


@admin_bp.post("/products/import")
def import_products():
    """Bulk upsert from the supplier's YAML price list."""
    upload = request.files["pricelist"]
    entries = yaml.load(upload.read(), Loader=yaml.Loader)
    created = 0
    for entry in entries:
        product = Product.query.filter_by(sku=entry["sku"]).first()
        if product is None:
            product = Product(sku=entry["sku"], name=entry["name"], price_cents=0)
            db.session.add(product)
            created += 1
        product.price_cents = int(entry["price_cents"])
        product.stock = int(entry.get("stock", product.stock or 0))
        db.session.commit()
    flash(f"Imported {len(entries)} products ({created} new).", "success")
    return redirect(url_for("admin.products"))
