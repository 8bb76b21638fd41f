"""One exchange of the conversation: the question (for a follow-up), the streamed answer, and,
once it ends, its findings, its proposed changes or a clear note of what went wrong.

The turn only displays; the panel owns the worker that feeds it, so cancelling the panel's worker
is the one way a stream stops.
"""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Markdown, Static

from architect_tui.review.model import Failed, Finding, Review
from architect_tui.ui.review._css import sibling_tcss
from architect_tui.ui.review.findings import FindingsList
from architect_tui.ui.review.status import changes_label, failure_hint, failure_title
from architect_tui.ui.review.text import ParagraphBreaks, display_markdown, failure_card


class ChangesButton(Button):
    """The "N proposed changes" line; it carries the review whose diff it opens."""

    def __init__(self, review: Review, label: str) -> None:
        super().__init__(label, compact=True, classes="changes")
        self.review = review
        if review.source == "local":
            self.add_class("-local")


def merge_findings(review: Review | None, local: Review | None) -> list[Finding]:
    """The answer's findings, then the local ones at places the answer did not mention."""
    found = list(review.findings) if review is not None else []
    if local is None or local is review:
        return found
    covered = {(f.file, f.line) for f in found}
    return found + [f for f in local.findings if (f.file, f.line) not in covered]


class FailureBox(Vertical):
    """What happened and the way forward, in words (never a traceback), with buttons for the
    ways forward the panel can take itself: retry and the offline review."""

    def __init__(self, failure: Failed) -> None:
        super().__init__(classes=f"failure-box -{failure.kind}")
        self.failure = failure

    def compose(self) -> ComposeResult:
        failure = self.failure
        message, hint = failure_card(failure, failure_hint(failure))
        text = f"[b]{failure_title(failure.kind)}[/b]\n{_escape(message)}"
        if hint:
            text += f"\n[dim]{_escape(hint)}[/dim]"
        yield Static(text, classes=f"failure -{failure.kind}")
        with Horizontal(classes="failure-actions"):
            if can_retry(failure):
                yield Button("Retry (r)", compact=True, classes="retry")
            if failure.kind != "cancelled":
                yield Button("Offline review (o)", compact=True, classes="offline")


def can_retry(failure: Failed) -> bool:
    """Worth sending again: the core says so, or the answer was cut or cancelled."""
    return failure.retryable or failure.kind in {"cut", "cancelled"}


def _escape(text: str) -> str:
    """Messages come from servers and exceptions: never let them be read as markup."""
    return text.replace("[", r"\[")


class ReviewTurn(Vertical):
    """A question and its answer; ``text`` is the markdown received so far."""

    DEFAULT_CSS = sibling_tcss(__file__)

    markdown = getters.query_one(Markdown)

    def __init__(self, question: str | None = None) -> None:
        super().__init__(classes="turn")
        self.question = question
        self.text = ""
        self.review: Review | None = None
        self.local: Review | None = None
        self.failure: Failed | None = None
        self._breaks = ParagraphBreaks()

    def shown(self, fragment: str) -> str:
        """A streamed fragment as the markdown widget gets it (Location on its own line)."""
        return self._breaks.feed(fragment)

    async def show_text(self, text: str) -> None:
        """Show a whole answer at once (a saved review, the offline architect's)."""
        self.text = text
        await self.markdown.update(display_markdown(text))

    def compose(self) -> ComposeResult:
        if self.question:
            yield Static(_escape(self.question), classes="question")
        # links in the model's text are not followed blindly: the panel opens http(s) only
        yield Markdown(classes="answer", open_links=False)

    async def show_result(self, review: Review | None, local: Review | None = None) -> None:
        """Mount the findings and the changes lines under the answer.

        ``local`` is the offline rules' review of the same target: its findings join the list
        (marked local, skipping places the answer already covers) and its fixes get their own
        changes line, since they are a separate, independently applicable patch.
        """
        self.review = review
        self.local = local
        if review is not None and review.incomplete:
            self.add_class("-incomplete")
        found = merge_findings(review, local)
        widgets: list[Static | FindingsList | Button] = []
        if found:
            findings = FindingsList(found)
            count = sum(1 for f in found if f.source == "local")
            title = f"{len(found)} finding{'s' if len(found) != 1 else ''}"
            findings.border_title = f"{title} ({count} local)" if count else title
            widgets.append(findings)
        for warning in review.warnings if review is not None else []:
            widgets.append(Static(_escape(warning), classes="warning"))
        if review is not None:
            if review.changes.strip():
                widgets.append(ChangesButton(review, changes_label(review.changes)))
            else:
                widgets.append(Static(changes_label(review.changes), classes="no-changes"))
        if local is not None and local.changes.strip() and local is not review:
            label = changes_label(local.changes, noun="local fix")
            widgets.append(ChangesButton(local, label))
        await self.mount_all(widgets)

    async def show_failure(self, failure: Failed) -> None:
        """Keep the partial answer, mark the turn, and explain what happened."""
        self.failure = failure
        self.add_class("-failed")
        if failure.kind in {"cut", "cancelled"} or failure.partial is not None:
            self.add_class("-incomplete")
        await self.mount(FailureBox(failure))
