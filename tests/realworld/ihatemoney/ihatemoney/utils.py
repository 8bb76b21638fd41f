"""Reproduces spiral-project/ihatemoney ihatemoney/utils.py: the shared rate limiter."""

from flask_limiter import Limiter

limiter = Limiter(key_func=lambda: "client", storage_uri="memory://")
