"""``flask seed``: demo data for a fresh database."""

import click
from flask import Flask

from shop.extensions import db
from shop.models import Order, OrderItem, Product, User

DEMO_PRODUCTS = [
    ("MUG-001", "Enamel camping mug", "kitchen", 1450, 40),
    ("MUG-002", "Stoneware espresso cup", "kitchen", 990, 25),
    ("TEE-010", "Organic cotton tee", "apparel", 2400, 60),
    ("TEE-011", "Merino base layer", "apparel", 6900, 12),
    ("BAG-100", "Waxed canvas tote", "bags", 5400, 8),
]


def seed_demo_data() -> None:
    """Create the demo users, products and one order. Call inside an app context."""
    admin = User(email="admin@acme-shop.example", name="Ada Admin", is_admin=True)
    admin.set_password("admin")
    alice = User(email="alice@example.com", name="Alice")
    alice.set_password("alice")
    db.session.add_all([admin, alice])

    products = [
        Product(sku=sku, name=name, category=cat, price_cents=price, stock=stock)
        for sku, name, cat, price, stock in DEMO_PRODUCTS
    ]
    products.append(
        Product(
            sku="OLD-999",
            name="Discontinued lantern",
            category="misc",
            price_cents=100,
            stock=0,
            is_active=False,
        )
    )
    db.session.add_all(products)
    order = Order(user=alice, shipping_address="1 Main St, Springfield", status="paid")
    order.items.append(OrderItem(product=products[0], quantity=2, unit_price_cents=1450))
    order.items.append(OrderItem(product=products[2], quantity=1, unit_price_cents=2400))
    db.session.add(order)
    db.session.commit()


def register_commands(app: Flask) -> None:
    """Attach the ``flask init-db`` and ``flask seed`` commands."""

    @app.cli.command("init-db")
    def init_db_command():
        db.create_all()
        click.echo("Database created.")

    @app.cli.command("seed")
    def seed_command():
        seed_demo_data()
        click.echo("Demo data loaded.")
