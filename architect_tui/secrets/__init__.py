"""Secrets: what never leaves the machine, at the bottom of the package so every layer can ask.

- ``marker``: the ``«REDACTED:N»`` placeholder (one home; ``patch`` refuses hunks that hold it).
- ``files``: files withheld whatever they hold (env files, keys, Flask's instance config).
- ``scan``: secret spans in a text, decided by the value and its context (``values``,
  ``formats``); ``review.redact`` turns them into numbered placeholders, ``analysis.cache``
  keeps them out of the map cache (``objects.holds_secret`` judges a pickled graph).

Imports nothing from the rest of ``architect_tui``.
"""

from architect_tui.secrets.files import (
    WithheldError,
    is_withheld,
    withheld_message,
    withheld_reason,
)
from architect_tui.secrets.marker import PLACEHOLDER_RE, placeholder
from architect_tui.secrets.objects import holds_secret
from architect_tui.secrets.scan import Finding, find_secrets
from architect_tui.secrets.values import looks_like_secret, random_token

__all__ = [
    "PLACEHOLDER_RE",
    "Finding",
    "WithheldError",
    "find_secrets",
    "holds_secret",
    "is_withheld",
    "looks_like_secret",
    "placeholder",
    "random_token",
    "withheld_message",
    "withheld_reason",
]
