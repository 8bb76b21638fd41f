"""Reproduces getredash/redash redash/settings/helpers.py (parse_boolean, fix_assets_path)."""

import os


def fix_assets_path(path):
    fullpath = os.path.join(os.path.dirname(__file__), "../", path)
    return fullpath


def parse_boolean(s):
    if s in ("true", "True", "1"):
        return True
    if s in ("false", "False", "0"):
        return False
    raise ValueError(f"Invalid boolean value {s!r}")
