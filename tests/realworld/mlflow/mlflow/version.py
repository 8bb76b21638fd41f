"""Reproduces mlflow/mlflow mlflow/version.py."""

VERSION = "2.9.2"
