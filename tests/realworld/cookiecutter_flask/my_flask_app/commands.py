"""Reproduces cookiecutter-flask/cookiecutter-flask {{cookiecutter.app_name}}/commands.py."""

import click


@click.command()
def test():
    """Run the tests."""
