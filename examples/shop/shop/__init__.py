"""Acme Shop: application factory.

Blueprints are imported inside :func:`create_app` so that importing ``shop.models`` (for a script
or a migration) does not build the whole web layer.
"""

import os
import time

from flask import Flask, g, redirect, request, url_for

from shop.config import config_by_name
from shop.extensions import csrf, db


def create_app(config_name: str | None = None) -> Flask:
    """Build and configure the application for ``config_name`` (development, testing, production)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_by_name[config_name or os.environ.get("SHOP_CONFIG", "default")])
    app.config.from_pyfile("local.cfg", silent=True)

    db.init_app(app)
    csrf.init_app(app)

    from shop.admin import admin_bp
    from shop.api import api_bp
    from shop.auth import bp as auth_bp
    from shop.catalog import bp as catalog_bp
    from shop.legacy import legacy_bp
    from shop.orders import bp as orders_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(catalog_bp, url_prefix="/catalog")
    app.register_blueprint(orders_bp, url_prefix="/orders")
    app.register_blueprint(admin_bp)

    # The JSON APIs authenticate with API keys, not the session cookie: no CSRF token there.
    csrf.exempt(api_bp)
    csrf.exempt(legacy_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(legacy_bp, url_prefix="/api/legacy")

    from shop.cli import register_commands
    from shop.errors import register_error_handlers

    register_error_handlers(app)
    register_commands(app)

    @app.before_request
    def start_timer():
        g.request_started = time.perf_counter()

    @app.after_request
    def add_timing_header(response):
        started = g.get("request_started")
        if started is not None:
            response.headers["Server-Timing"] = (
                f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
            )
        return response

    @app.get("/")
    def home():
        return redirect(url_for("catalog.index"))

    @app.get("/healthz")
    def healthz():
        return {"status": "ok", "path": request.path}

    return app
