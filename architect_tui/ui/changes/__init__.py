"""The changes view: preview, accept, apply and undo proposed changes (a self-contained screen)."""

from architect_tui.ui.changes.changes_screen import ChangesScreen
from architect_tui.ui.changes.hunk_card import HunkCard

__all__ = ["ChangesScreen", "HunkCard"]
