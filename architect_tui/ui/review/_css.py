"""Widgets keep their CSS in a ``.tcss`` file next to their module.

Textual reads ``CSS_PATH`` only for apps and screens; a widget's ``DEFAULT_CSS`` is a string, so we
load the sibling file once at import time. Keeping CSS out of Python lets designers edit it alone.
"""

from __future__ import annotations

from pathlib import Path


def sibling_tcss(module_file: str) -> str:
    """The text of the ``.tcss`` file named like the module (``panel.py`` -> ``panel.tcss``)."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")
