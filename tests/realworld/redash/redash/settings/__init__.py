"""Reproduces getredash/redash redash/settings/__init__.py: settings read from the environment."""

import os

from .helpers import fix_assets_path, parse_boolean

LIMITER_STORAGE = os.environ.get("REDASH_LIMITER_STORAGE", "memory://")
STATIC_ASSETS_PATH = fix_assets_path(os.environ.get("REDASH_STATIC_ASSETS_PATH", "../client/dist/"))
FLASK_TEMPLATE_PATH = fix_assets_path("templates")

# Enables the use of an externally-provided and trusted remote user via an HTTP header.
REMOTE_USER_LOGIN_ENABLED = parse_boolean(
    os.environ.get("REDASH_REMOTE_USER_LOGIN_ENABLED", "false")
)
LDAP_LOGIN_ENABLED = parse_boolean(os.environ.get("REDASH_LDAP_LOGIN_ENABLED", "false"))

THROTTLE_LOGIN_PATTERN = os.environ.get("REDASH_THROTTLE_LOGIN_PATTERN", "50/hour")
THROTTLE_PASS_RESET_PATTERN = os.environ.get("REDASH_THROTTLE_PASS_RESET_PATTERN", "10/hour")

# Support for multiple organizations: rules get an "/<org_slug>" prefix.
MULTI_ORG = parse_boolean(os.environ.get("REDASH_MULTI_ORG", "false"))
