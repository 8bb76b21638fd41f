"""Reproduces spiral-project/ihatemoney ihatemoney/api/__init__.py."""
