"""Changes mode: the routes a git change affects, with badges and diffs (a pushed screen), and
the hand-over of the change to the main screen's review flow."""

from architect_tui.ui.changemode.review import ChangeModeCommands, review_change
from architect_tui.ui.changemode.screen import ChangeModeScreen, ChangeToReview

__all__ = ["ChangeModeCommands", "ChangeModeScreen", "ChangeToReview", "review_change"]
