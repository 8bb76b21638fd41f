"""The review use case, once, for both front doors: ``R``/``A`` in the TUI and ``architect review``.

A front door asks three things and gets plain values back:

1. :func:`choose_source`: the model or the offline architect (and the note saying why), or
   "needs a key" for a question with no model.
2. :func:`prepare_review`: the offline rules' review of the selection (shown beside the model's
   answer, and sent to the model as ``<hints>``) and the :class:`ReviewRequest` built from it.
   The same target, lens and settings build the same request whichever door asked, so the model
   receives the same body.
3. :func:`start_review`: a :class:`Conversation` whose ``start()`` streams ``TextDelta``,
   ``UsageUpdate``, ``Waiting`` and ends with ``Finished`` or ``Failed``.

The changes of a finished review are read with :func:`plan_proposed` (``review.changes``), the
same extraction ``architect apply`` runs. Nothing here prints, notifies or knows about Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import Selection
from architect_tui.config import Settings
from architect_tui.review.changes import plan_proposed, proposed_patch
from architect_tui.review.client import NO_KEY_MESSAGE
from architect_tui.review.engine import Conversation
from architect_tui.review.model import Review, ReviewRequest
from architect_tui.review.prompts import PromptSet

__all__ = [
    "HINTS_HEADER",
    "OFFLINE_BY_CONFIG",
    "OFFLINE_NOTE",
    "OFFLINE_NOTE_BASE_URL",
    "PreparedReview",
    "SourceChoice",
    "choose_source",
    "hints_from",
    "local_review",
    "plan_proposed",
    "prepare_review",
    "proposed_patch",
    "start_review",
]

OFFLINE_NOTE = "No ANTHROPIC_API_KEY: offline architect (local rules)"
OFFLINE_NOTE_BASE_URL = (
    "ANTHROPIC_BASE_URL is set but no ANTHROPIC_API_KEY: offline architect (local rules). "
    "A local server needs a key too (any value it accepts)."
)
OFFLINE_BY_CONFIG = "Offline architect (local rules): offline is set in the configuration."
OFFLINE_ASKED = (
    "--offline: the offline architect answers no questions (its rules cannot read one). "
    "Drop --ask for its review, or drop --offline to ask the model."
)
HINTS_HEADER = "The offline rules flagged (check them, do not repeat them blindly):"


@dataclass(frozen=True, slots=True)
class SourceChoice:
    """Who answers: ``model``, ``offline`` (``note`` says why when the user did not ask for it),
    or ``needs_key`` (a question with no model; ``note`` says how to get one)."""

    source: Literal["model", "offline", "needs_key"]
    note: str | None = None


def choose_source(settings: Settings, *, offline: bool = False, ask: bool = False) -> SourceChoice:
    """The model when credentials are set and nothing forces offline; else the offline rules.

    A question (``ask``) needs a model: with none it is ``needs_key``, never a silent offline
    answer to a question the rules cannot read.
    """
    if offline:
        return SourceChoice("needs_key", OFFLINE_ASKED) if ask else SourceChoice("offline")
    if settings.offline:
        return SourceChoice("needs_key" if ask else "offline", OFFLINE_BY_CONFIG)
    if settings.has_credentials:
        return SourceChoice("model")
    if ask:
        return SourceChoice("needs_key", NO_KEY_MESSAGE)
    return SourceChoice("offline", OFFLINE_NOTE_BASE_URL if settings.base_url else OFFLINE_NOTE)


def local_review(
    project: ProjectMap, selection: Selection, settings: Settings, lens: str = "full"
) -> Review:
    """The offline architect's review of the selection (findings and the rules' fixes)."""
    from architect_tui.review.offline import offline_review

    return offline_review(project, selection, settings, lens)


def hints_from(local: Review | None) -> list[str] | None:
    """The local findings as ``<hints>`` lines for the model, or None when there are none."""
    from architect_tui.review.offline import format_hints

    if local is None or not local.findings:
        return None
    lines = [line.removeprefix("- ") for line in format_hints(local.findings).splitlines()]
    return [HINTS_HEADER, *lines]


@dataclass(slots=True)
class PreparedReview:
    """A review ready to send: the request, and the local rules' review of the same selection
    (None when the rules failed: the model's review never depends on them)."""

    request: ReviewRequest
    local: Review | None


def prepare_review(
    project: ProjectMap,
    selection: Selection,
    settings: Settings,
    *,
    lens: str = "full",
    ask: str | None = None,
    prompts: PromptSet | None = None,
    history: list[dict[str, Any]] | None = None,
) -> PreparedReview:
    """Run the local rules, then build the request with their findings as hints.

    Blocking (parses files): a UI runs it in a thread. Raises ``PromptError`` for an unknown
    lens, like ``build_request``.
    """
    from architect_tui.review.context import build_request

    try:
        local: Review | None = local_review(project, selection, settings, lens)
    except Exception:  # the rules are a bonus here, never a reason to fail the review
        local = None
    request = build_request(
        project,
        selection,
        settings,
        lens=lens,
        ask=ask,
        history=history,
        hints=hints_from(local),
        prompts=prompts,
    )
    return PreparedReview(request, local)


def start_review(request: ReviewRequest, settings: Settings) -> Conversation:
    """The conversation for ``request``: ``start()`` streams the review, ``follow_up()`` and
    ``retry()`` continue it."""
    return Conversation(request, settings)
