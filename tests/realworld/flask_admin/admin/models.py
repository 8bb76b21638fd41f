"""Reproduces pallets-eco/flask-admin examples/sqla/admin/models.py (the models the views
name; a few columns each, no relationships)."""

from . import db

AVAILABLE_USER_TYPES = [("admin", "Admin"), ("content-writer", "Content writer")]


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    type = db.Column(db.String(100))
    first_name = db.Column(db.String(100))
    last_name = db.Column(db.String(100))
    email = db.Column(db.String(120))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(120))
    text = db.Column(db.Text)
    user_id = db.Column(db.Integer)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.Unicode(64))


class Tree(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64))
    parent_id = db.Column(db.Integer)


class Model1(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    test1 = db.Column(db.String(20))
