"""Reproduces getredash/redash tests/__init__.py: the base test case builds the app per test."""

from unittest import TestCase

from redash.app import create_app


class BaseTestCase(TestCase):
    def setUp(self):
        self.app = create_app()
        self.app.config["TESTING"] = True
        self.app_ctx = self.app.app_context()
        self.app_ctx.push()

    def tearDown(self):
        self.app_ctx.pop()
