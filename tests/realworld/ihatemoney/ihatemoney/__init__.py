"""Reproduces spiral-project/ihatemoney ihatemoney/__init__.py."""
