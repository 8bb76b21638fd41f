"""Reproduces spiral-project/ihatemoney ihatemoney/api/v1/__init__.py: a package re-export."""

from .resources import api

__all__ = [
    "api",
]
