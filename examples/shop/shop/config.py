"""Configuration classes, selected by name in :func:`shop.create_app`.

Values that differ per deployment are meant to come from the environment; the defaults below are
what a developer gets on a fresh checkout.
"""

import os

BASE_DIR = os.path.abspath(os.path.dirname(os.path.dirname(__file__)))


class Config:
    """Settings shared by every environment."""

    SECRET_KEY = "9f2c1e7b4a6d8e0f3b5c7a9d1e3f5a7c"
    DEBUG = True
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///" + os.path.join(BASE_DIR, "shop.db")
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    ITEMS_PER_PAGE = 24
    EXPORT_DIR = os.path.join(BASE_DIR, "exports")
    SUPPLIER_API_URL = "https://supplier.example.com/api/v2"
    SUPPLIER_API_TOKEN = "sk_live_51HxQ2vKp8dLr7T0aZ3mN4cY6wE9uB1"
    MAIL_SENDER = "orders@acme-shop.example"
    API_KEYS = [key for key in os.environ.get("SHOP_API_KEYS", "").split(",") if key]


class DevelopmentConfig(Config):
    """Local development: a SQLite file next to the project, SQL echoed to the console."""

    SQLALCHEMY_ECHO = True


class TestingConfig(Config):
    """pytest: an in-memory database and no CSRF tokens to fetch."""

    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False


class ProductionConfig(Config):
    """Production: the database comes from DATABASE_URL (the fallback is the primary cluster)."""

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "postgresql://shop_admin:Wint3r-2023!@db.internal:5432/shop"
    )
    SESSION_COOKIE_SECURE = True


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
    "default": DevelopmentConfig,
}
