"""Reproduces Netflix/lemur lemur/extensions.py: extension objects the factory initialises."""

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
