"""Reproduces CTFd/CTFd CTFd/plugins/dynamic_challenges/__init__.py: load(app) serves the plugin's assets."""

from CTFd.plugins import register_plugin_assets_directory


def load(app):
    register_plugin_assets_directory(app, base_path="/plugins/dynamic_challenges/assets/")
