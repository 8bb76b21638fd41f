"""Reproduces flaskbb/flaskbb flaskbb/plugins/__init__.py."""
