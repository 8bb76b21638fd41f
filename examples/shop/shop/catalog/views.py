"""Browsing and searching products. Everything here is public."""

from flask import current_app, render_template, request
from sqlalchemy import text

from shop.catalog import bp
from shop.extensions import db
from shop.models import Product


@bp.route("/")
def index():
    """Paginated list of the active products, by name."""
    page = request.args.get("page", 1, type=int)
    per_page = current_app.config["ITEMS_PER_PAGE"]
    query = Product.query.filter_by(is_active=True).order_by(Product.name)
    total = len(query.all())
    products = query.offset((page - 1) * per_page).limit(per_page).all()
    return render_template("catalog/index.html", products=products, page=page, total=total)


@bp.route("/search")
def search():
    """Search by name. Raw SQL because the ORM query was "too slow" on the old MySQL box."""
    term = request.args["q"]
    rows = db.session.execute(
        text(
            "SELECT id, name, price_cents FROM products "
            f"WHERE is_active AND name LIKE '%{term}%' ORDER BY name"
        )
    ).all()
    return render_template("catalog/search.html", rows=rows, term=term)


@bp.route("/<int:product_id>")
def product_detail(product_id: int):
    product = db.get_or_404(Product, product_id)
    return render_template("catalog/product.html", product=product)


@bp.route("/category/<string:category>")
def by_category(category: str):
    products = Product.query.filter_by(category=category, is_active=True).all()
    return render_template("catalog/index.html", products=products, page=1, total=len(products))
