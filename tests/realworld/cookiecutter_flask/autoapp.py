"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/autoapp.py."""

from my_flask_app.app import create_app

app = create_app()
