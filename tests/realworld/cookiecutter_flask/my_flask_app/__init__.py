"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/__init__.py."""
