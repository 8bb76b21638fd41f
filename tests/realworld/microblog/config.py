"""Reproduces miguelgrinberg/microblog config.py."""

import os

basedir = os.path.abspath(os.path.dirname(__file__))


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "you-will-never-guess"
    SQLALCHEMY_DATABASE_URI = (
        os.environ.get("DATABASE_URL", "").replace("postgres://", "postgresql://") or "sqlite://"
    )
    POSTS_PER_PAGE = 25
