"""Reviewing the change chosen in changes mode, in the main screen's review panel, and the
palette command that opens the mode.

With a model: the request is built by the core (``review.change_context.change_request``) in a
thread, then streamed by the review flow's session like any review. Without a key: the offline
architect on the change (findings on changed lines only).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from architect_tui.config import load_settings

if TYPE_CHECKING:
    from architect_tui.ui.changemode.screen import ChangeToReview
    from architect_tui.ui.screens.review_flow import ReviewFlow

COMMAND = "Changes mode: the routes changed since HEAD (git)"
COMMAND_HELP = "The map narrowed to the routes the working tree changes, with their diffs"


async def review_change(flow: ReviewFlow, found: ChangeToReview) -> None:
    """Start the review of ``found`` in ``flow``'s panel (offline when there is no key)."""
    from architect_tui.review.change_context import (
        change_label,
        change_request,
        offline_change_review,
    )

    settings = load_settings(flow.root)
    flow.session.settings = settings
    lens = flow.lens
    flow.reveal()
    if not (settings.has_credentials and not settings.offline):
        flow.notify("No model: the offline architect reviews the changed lines.", timeout=6)
        flow.session.offline(
            flow.panel,
            lambda: offline_change_review(found.after, found.change, settings, lens),
            target=change_label(found.change),
            lens=lens,
        )
        return
    request = await asyncio.to_thread(
        change_request, found.change, found.diff, found.before, found.after, settings, lens=lens
    )
    flow.session.start(flow.panel, request)


class ChangeModeCommands(Provider):
    """ "Changes mode" in the command palette, on a screen that can open it."""

    def _open(self) -> None:
        opener = getattr(self.screen, "action_change_mode", None)
        if callable(opener):
            self.app.call_later(opener)

    async def discover(self) -> Hits:
        if hasattr(self.screen, "action_change_mode"):
            yield DiscoveryHit(COMMAND, self._open, help=COMMAND_HELP)

    async def search(self, query: str) -> Hits:
        if not hasattr(self.screen, "action_change_mode"):
            return
        score = self.matcher(query).match(COMMAND)
        if score > 0:
            yield Hit(score, self.matcher(query).highlight(COMMAND), self._open, help=COMMAND_HELP)
