"""Reproduces miguelgrinberg/microblog app/cli.py: a blueprint that only carries CLI commands."""

from flask import Blueprint

bp = Blueprint("cli", __name__, cli_group=None)


@bp.cli.group()
def translate():
    """Translation and localization commands."""
