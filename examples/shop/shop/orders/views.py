"""Cart, checkout and the customer's order pages."""

from flask import abort, flash, g, make_response, redirect, render_template, request, url_for

from shop.auth.decorators import login_required
from shop.extensions import csrf, db
from shop.models import Order, Product
from shop.orders import bp
from shop.orders.cart import load_cart, save_cart
from shop.orders.services import OutOfStockError, cancel_order, place_order


@bp.errorhandler(OutOfStockError)
def out_of_stock(error: OutOfStockError):
    flash(f"Sorry, only {error.available} left of one of your items.", "error")
    return redirect(url_for("orders.view_cart"))


@bp.route("/")
@bp.route("/history")
@login_required
def list_orders():
    orders = Order.query.filter_by(user_id=g.user.id).order_by(Order.created_at.desc()).all()
    return render_template("orders/list.html", orders=orders)


@bp.get("/cart")
def view_cart():
    cart = load_cart()
    products = Product.query.filter(Product.id.in_(cart)).all() if cart else []
    return render_template("orders/cart.html", cart=cart, products=products)


@bp.post("/cart/<int:product_id>")
def add_to_cart(product_id: int):
    db.get_or_404(Product, product_id)
    cart = load_cart()
    cart[product_id] = cart.get(product_id, 0) + request.form.get("quantity", 1, type=int)
    return save_cart(make_response(redirect(url_for("orders.view_cart"))), cart)


@bp.route("/checkout", methods=["GET", "POST"])
@csrf.exempt
@login_required
def checkout():
    cart = load_cart()
    if not cart:
        flash("Your cart is empty.", "info")
        return redirect(url_for("catalog.index"))
    if request.method == "GET":
        return render_template("orders/checkout.html", cart=cart)
    address = request.form.get("address", "").strip()
    if not address:
        flash("Please enter a shipping address.", "error")
        return render_template("orders/checkout.html", cart=cart), 400
    print("checkout", g.user.email, cart)
    order = place_order(g.user, cart, address)
    response = make_response(redirect(url_for("orders.order_detail", order_id=order.id)))
    return save_cart(response, {})


@bp.get("/<int:order_id>")
@login_required
def order_detail(order_id: int):
    order = db.get_or_404(Order, order_id)
    return render_template("orders/detail.html", order=order)


@bp.get("/<int:order_id>/invoice")
def invoice(order_id: int):
    order = db.get_or_404(Order, order_id)
    return render_template("orders/invoice.html", order=order)


@bp.route("/<int:order_id>/cancel", methods=["GET", "POST"])
@login_required
def cancel(order_id: int):
    order = db.get_or_404(Order, order_id)
    if order.user_id != g.user.id:
        abort(403)
    try:
        cancel_order(order)
    except ValueError as exc:
        flash(str(exc), "error")
    return redirect(url_for("orders.order_detail", order_id=order.id))
