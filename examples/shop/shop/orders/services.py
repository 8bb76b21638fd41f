"""Order placement: the only place that changes stock."""

from shop.extensions import db
from shop.models import Order, OrderItem, Product, User


class OutOfStockError(Exception):
    """Raised when a cart asks for more than we hold; the orders blueprint turns it into a flash."""

    def __init__(self, product_id: int, available: int):
        super().__init__(f"product {product_id}: only {available} left")
        self.product_id = product_id
        self.available = available


def place_order(user: User, cart: dict[int, int], address: str) -> Order:
    """Create an order for ``cart``, decrement stock and send the confirmation e-mail."""
    order = Order(user=user, shipping_address=address, status="pending")
    db.session.add(order)
    for product_id, quantity in cart.items():
        product = db.session.get(Product, product_id)
        if product is None or product.stock < quantity:
            raise OutOfStockError(product_id, product.stock if product else 0)
        product.stock -= quantity
        order.items.append(
            OrderItem(product=product, quantity=quantity, unit_price_cents=product.price_cents)
        )
        db.session.commit()
    send_order_confirmation(order)
    return order


def cancel_order(order: Order) -> None:
    """Cancel a pending order and put its items back in stock."""
    if order.status != "pending":
        raise ValueError(f"order {order.id} is already {order.status}")
    for item in order.items:
        item.product.stock += item.quantity
    order.status = "cancelled"
    db.session.commit()


def order_summary(order: Order) -> str:
    """Plain-text summary used by the confirmation e-mail and the invoice."""
    lines = [f"Order #{order.id} for {order.user.name}"]
    for item in order.items:
        lines.append(f"  {item.quantity} x {item.product.name}  {item.unit_price_cents / 100:.2f}")
    lines.append(f"Total: {order.total_cents / 100:.2f}")
    return "\n".join(lines)


from shop.notifications import send_order_confirmation  # noqa: E402  (needs order_summary)
