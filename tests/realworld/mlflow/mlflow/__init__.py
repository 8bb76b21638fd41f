"""Reproduces mlflow/mlflow mlflow/__init__.py (the package marker; the server app lives in mlflow.server)."""
