"""Reproduces mlflow/mlflow tests/server/test_*.py: a throwaway app built from the real endpoint list,
and one with a test-only route."""

from flask import Flask
from mlflow.server import handlers


def client():
    """The real Flask routing table, backed by the handlers."""
    app = Flask(__name__)
    for http_path, handler, methods in handlers.get_endpoints():
        app.add_url_rule(http_path, handler.__name__, handler, methods=methods)
    return app.test_client()


def test_catch_mlflow_exception():
    app = Flask(__name__)

    @app.route("/test-exception")
    @handlers.catch_mlflow_exception
    def raise_exception():
        raise ValueError("boom")

    assert app.test_client().get("/test-exception").status_code == 500
