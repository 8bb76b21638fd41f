"""The review flow of the main screen: review, ask, follow up, open the changes, undo, history.

``ReviewFlow`` is one widget in the main screen's centre column (in the details pane's place,
which comes back when the panel is hidden): it holds the
``ReviewPanel`` and owns the workers and the ``ReviewSession`` behind it, so the main screen only
delegates its keys (``R``, ``A``, ``c``, ``H``, ``u``, ``p``) and stays the owner of the project,
the selection and the code view. The panel's messages bubble to this widget first and stop here.

The flow, as the user meets it:

- ``R``: pick a lens (remembered), then with a key (or ``ANTHROPIC_BASE_URL``) build the request
  in a thread, show the context screen and stream the answer, with the offline rules' findings
  for the same selection listed beside it as local; without a key, the offline architect runs at
  once, with a note saying so.
- ``A``: the same with the user's question (it needs a model; without a key it says so).
- A finding jumps the code view to its line; "N proposed changes" (or ``c``) extracts and plans
  the diff in a thread and opens the changes screen; an apply or undo there re-reads the project.
- After an apply the changes screen runs the project's checks; when they fail, ``f`` there sends
  the failure back as a follow-up of the same conversation (``review/fix_request.py``) and its
  answer opens in a new changes screen, at most ``verify_rounds`` times per review; ``U`` undoes
  the whole chain of applies (``vcs.undo_through``) after a confirmation.

This module is imported on first use (the review modules take ~0.3 s to import), never on the
path to the first frame.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.worker import Worker, WorkerState

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import Selection
from architect_tui.config import load_settings
from architect_tui.patch import ApplyPlan
from architect_tui.patch.verify import VerifyResult
from architect_tui.review.model import Review
from architect_tui.review.session import (
    OFFLINE_NOTE,
    choose_source,
    local_review,
    plan_proposed,
    prepare_review,
)
from architect_tui.ui.changes import ChangesScreen, changes_screen
from architect_tui.ui.changes.dialogs import ConfirmScreen
from architect_tui.ui.changes.summary import undo_summary
from architect_tui.ui.changes.verify_panel import VerifyPanel
from architect_tui.ui.review import (
    AskScreen,
    ContextScreen,
    HistoryScreen,
    LensScreen,
    ReviewPanel,
    ReviewSession,
    apply_choice,
)
from architect_tui.vcs import UndoReport

if TYPE_CHECKING:
    from architect_tui.ui.screens.main import MainScreen

ASK_NEEDS_KEY = (
    "Asking needs a model: set ANTHROPIC_API_KEY (or point ANTHROPIC_BASE_URL at an "
    "Anthropic-compatible server) and restart. R still reviews offline with the local rules."
)
OFFLINE_CANNOT_ANSWER = (
    "The offline architect reviews but cannot answer questions: your question is kept in "
    "the input. With ANTHROPIC_API_KEY set (and a restart), Enter sends it."
)
EMPTY_TEXT = "No review yet: select a route, a blueprint, a file or a line range, then R (or A)."

PanelMode = Literal["hidden", "docked", "max"]


@dataclass(slots=True)
class VerifyChain:
    """The applies of one review and its fixes: undone together back to before ``first``."""

    first: str  # the checkpoint of the chain's first apply
    fixes_sent: int = 0


class FlowChangesScreen(ChangesScreen):
    """The changes screen, telling the flow when files were written or restored (its own
    handlers still run first: Textual calls each class's handler along the MRO), and closing
    the verify loop: ``f`` asks for a fix of failed checks, ``U`` undoes the chain."""

    # A relative CSS_PATH resolves next to the subclass's module: name the original file.
    CSS_PATH = str(Path(changes_screen.__file__).with_name("changes_screen.tcss"))
    BINDINGS = [
        Binding("f", "ask_fix", "Ask for a fix", id="changes.ask_fix",
                tooltip="Send the failed checks and the applied diff back to the architect"),
        Binding("U", "undo_chain", "Undo all", id="changes.undo_chain",
                tooltip="Undo every apply of this review and its fixes, after a confirmation"),
    ]  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ask_fix":
            panel = self.verify_panel if self.is_mounted else None
            failed = panel is not None and panel.state in ("failed", "timed_out")
            return failed and self._flow.rounds_left() > 0
        if action == "undo_chain":
            return self._flow.chain is not None and not self.busy
        return super().check_action(action, parameters)

    @on(VerifyPanel.Verified)
    def _offer_fix(self, event: VerifyPanel.Verified) -> None:
        if not event.result.ok and not event.result.cancelled:
            self.verify_panel.set_hint(self._flow.fix_hint())
        self.refresh_bindings()

    def action_ask_fix(self) -> None:
        result = self.verify_panel.result
        if result is None or result.ok:
            return
        if self._flow.send_fix(result, self.applied_diffs()):
            self.dismiss()

    @work(exclusive=True, group="changes", exit_on_error=False)
    async def action_undo_chain(self) -> None:
        chain = self._flow.chain
        if chain is None or self.busy:
            return
        question = (
            f"Undo every apply of this review ({chain.fixes_sent} fix round(s) after the first), "
            f"back to before checkpoint {chain.first}?"
        )
        if not await self.app.push_screen_wait(ConfirmScreen(question)):
            return
        self.verify_panel.cancel()
        self.busy = True
        self._status("Undoing the chain…")
        try:
            reports = await asyncio.to_thread(self._flow.undo_chain_now)
        finally:
            self.busy = False
        if any(r.undone for r in reports):
            self._flow.files_changed()
        restored = sorted({f.path for r in reports if r.undone for f in r.files})
        if reports and all(r.undone for r in reports):
            self.report = None
            for card in self._cards():
                card.applied = False
            self._status(f"Undid {len(reports)} apply(s); restored {', '.join(restored)}.")
        else:
            why = next((r.reason for r in reports if not r.undone), None) or "nothing undone"
            self._status(f"Undo of the chain stopped after {len(reports) - 1}: {why}")
            self.notify(why, title="Undo all", severity="warning")
        self.refresh_bindings()

    def __init__(self, flow: ReviewFlow, the_plan: ApplyPlan, root: Path, *, message: str) -> None:
        super().__init__(the_plan, root, message=message)
        self._flow = flow

    @on(ChangesScreen.Applied)
    def _tell_flow_applied(self, event: ChangesScreen.Applied) -> None:
        if event.report.applied:
            self._flow.chain_applied(event.report.checkpoint)
            self._flow.files_changed()

    @on(ChangesScreen.Undone)
    def _tell_flow_undone(self, event: ChangesScreen.Undone) -> None:
        if event.report.undone:
            self._flow.chain_undone(event.report.checkpoint)
            self._flow.files_changed()
            self.refresh_bindings()


class ReviewFlow(Vertical):
    """The review panel and the flows around it; see the module docstring."""

    panel = getters.query_one("#review-panel", ReviewPanel)

    def __init__(self, main: MainScreen, *, id: str | None = "review-flow") -> None:
        super().__init__(id=id)
        self.main = main
        self.root: Path = main.root
        self.lens = "full"
        self.mode: PanelMode = "hidden"
        self.session = ReviewSession(self.root, load_settings(self.root))
        # what the current conversation is about (for the offline review and the changes)
        self._subject: tuple[ProjectMap, Selection, str] | None = None
        self.chain: VerifyChain | None = None  # the applies of this review and its fixes
        self._fix_pending = False  # the running turn asks for a fix: open its changes when done

    def compose(self) -> ComposeResult:
        yield ReviewPanel(empty_text=EMPTY_TEXT, id="review-panel")

    def on_mount(self) -> None:
        self.set_mode(self.mode)  # hidden until a review, or the history, shows something

    # ---- showing -------------------------------------------------------------------------------

    def set_mode(self, mode: PanelMode) -> None:
        """Hidden, docked beside/below the code, or maximised over the map and the code."""
        self.mode = mode
        main = self.main
        self.display = mode != "hidden"
        main.set_class(mode != "hidden", "-review-open")
        main.set_class(mode == "max", "-review-max")
        main.review_mode_changed(mode)  # the main screen keeps the focus off hidden panes

    def cycle_mode(self) -> None:
        """``p``: docked -> maximised -> hidden -> docked."""
        following: dict[PanelMode, PanelMode] = {
            "docked": "max",
            "max": "hidden",
            "hidden": "docked",
        }
        self.set_mode(following[self.mode])  # the focus stays put (never the input)

    def reveal(self) -> None:
        if self.mode == "hidden":
            self.set_mode("docked")

    def card_offers(self, key: str) -> bool:
        """The panel is shown and its last failure card names ``key`` (``r`` or ``o``)."""
        return self.is_mounted and self.mode != "hidden" and self.panel.card_offers(key)

    def cancel(self) -> bool:
        """Stop a running review (Esc on the main screen); True when one stopped."""
        return self.is_mounted and self.panel.cancel_review()

    # ---- review and ask ------------------------------------------------------------------------

    def _subject_now(self) -> tuple[ProjectMap, Selection] | None:
        selection = self.main.selection
        if selection is None:
            self.notify(
                "Select a route, a blueprint, a file or a line range first.",
                title="Nothing selected",
                severity="warning",
            )
            return None
        project = self.main.project or ProjectMap(root=self.root)
        return project, selection

    @work(exclusive=True, group="review-setup", exit_on_error=False)
    async def review(self, ask: bool = False) -> None:
        """``R`` (and ``A`` with ``ask=True``): choose, prepare, confirm, stream."""
        subject = self._subject_now()
        if subject is None:
            return
        project, selection = subject
        settings = load_settings(self.root)
        choice = choose_source(settings, ask=ask)
        question: str | None = None
        if ask:
            if choice.source != "model":
                self.notify(ASK_NEEDS_KEY, title="No model", severity="warning", timeout=8)
                return
            question = await self.app.push_screen_wait(AskScreen(selection.label))
            if not question:
                return
        else:
            lens = await self.app.push_screen_wait(LensScreen(self._lenses(), current=self.lens))
            if lens is None:
                return
            self.lens = lens
        lens = self.lens
        self.session.settings = settings
        self._subject = (project, selection, lens)
        self.chain = None
        if choice.source != "model":
            self.notify(choice.note or OFFLINE_NOTE, title="Offline review", timeout=6)
            self.run_offline()
            return
        status = self.main.status
        activity = status.activity
        status.activity = "preparing the review…"
        try:
            prepared = await asyncio.to_thread(
                prepare_review, project, selection, settings, lens=lens, ask=question
            )
        except Exception as error:  # an unknown lens, an unreadable file: say it, stay usable
            self.notify(f"{type(error).__name__}: {error}", title="Cannot review", severity="error")
            return
        finally:
            status.activity = activity
        chosen = await self.app.push_screen_wait(ContextScreen(prepared.request))
        if chosen is None:
            return
        self.reveal()
        request = apply_choice(prepared.request, chosen)
        self.session.start(self.panel, request, local=prepared.local)

    def run_offline(self) -> None:
        """The offline architect on the current subject, streamed into the panel."""
        if self._subject is None:
            return
        project, selection, lens = self._subject
        settings = self.session.settings
        self.reveal()
        self.session.offline(
            self.panel,
            lambda: local_review(project, selection, settings, lens),
            target=selection.label,
            lens=lens,
        )

    def _lenses(self) -> list[str] | None:
        try:
            from architect_tui.review.prompts import load_prompts

            return load_prompts(self.root).lenses
        except Exception:  # a broken project prompt folder: the built-in list still works
            return None

    # ---- the panel's messages ------------------------------------------------------------------

    @on(ReviewPanel.FindingSelected)
    def _finding(self, message: ReviewPanel.FindingSelected) -> None:
        message.stop()
        if self.mode == "max":
            self.set_mode("docked")
        self.main.show_code(message.file, message.line, message.line)

    @on(ReviewPanel.FollowUp)
    def _follow_up(self, message: ReviewPanel.FollowUp) -> None:
        message.stop()
        if self.session.follow_up(self.panel, message.text) is None:
            if self.session.settings.has_credentials and not self.session.settings.offline:
                why = "This review cannot be continued: press R (or A) for a new one."
            else:  # the question stays in the input (the panel clears it once it is sent)
                why = OFFLINE_CANNOT_ANSWER
            self.notify(why, title="No conversation", severity="warning", timeout=6)

    @on(ReviewPanel.Completed)
    def _completed(self, message: ReviewPanel.Completed) -> None:
        message.stop()
        if self.session.completed(message.review, message.question) is None:
            self.notify(
                "The review could not be saved under .architect/reviews/.", severity="warning"
            )
        if self._fix_pending:
            self._fix_pending = False
            if message.review.changes.strip():
                self.open_changes(message.review)
            else:
                self.notify("The architect's answer proposes no changes.", title="Fix", timeout=6)

    @on(ReviewPanel.ReviewFailed)
    def _failed(self, message: ReviewPanel.ReviewFailed) -> None:
        message.stop()
        self._fix_pending = False
        self.session.failed(message.failure, message.question)

    @on(ReviewPanel.RetryRequested)
    def _retry(self, message: ReviewPanel.RetryRequested) -> None:
        message.stop()
        self.notify("This review cannot be retried: press R for a new one.", severity="warning")

    @on(ReviewPanel.OfflineRequested)
    def _offline(self, message: ReviewPanel.OfflineRequested) -> None:
        message.stop()
        if self._subject is None:
            subject = self._subject_now()
            if subject is None:
                return
            self._subject = (*subject, self.lens)
        self.run_offline()

    @on(ReviewPanel.ChangesRequested)
    def _changes(self, message: ReviewPanel.ChangesRequested) -> None:
        message.stop()
        self.open_changes(message.review)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A flow worker that raised (a bug, a full disk): say so instead of doing nothing."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"{type(error).__name__}: {error}", title="Review", severity="error")

    # ---- changes, undo, history ----------------------------------------------------------------

    def latest_changes(self) -> Review | None:
        """The review whose changes ``c`` opens: the latest answer that proposes some (a
        follow-up may answer in words only), else the local rules' fixes shown beside it."""
        panel = self.panel
        turns = list(reversed(panel.turns))
        for turn in turns:
            if turn.review is not None and turn.review.changes.strip():
                return turn.review
        for turn in turns:
            if turn.local is not None and turn.local.changes.strip():
                return turn.local
        return panel.review

    def changes(self) -> None:
        """``c``: the changes of the latest review, or a note when there are none."""
        review = self.latest_changes() if self.is_mounted else None
        if review is None and self.is_mounted and self.panel.running:
            self.notify("The answer is still arriving: its changes open once it ends.", timeout=4)
        elif review is None:
            self.notify("No review yet: press R to review the selection.", severity="warning")
        elif not review.changes.strip():
            self.notify("The last review proposes no changes.", timeout=4)
        else:
            self.open_changes(review)

    @work(exclusive=True, group="changes-plan", exit_on_error=False)
    async def open_changes(self, review: Review) -> None:
        try:
            the_plan = await asyncio.to_thread(plan_proposed, review, self.root)
        except Exception as error:
            self.notify(f"{type(error).__name__}: {error}", title="Cannot read the changes")
            return
        message = f"architect: {review.target} ({review.model}, {review.lens})"
        await self.app.push_screen(FlowChangesScreen(self, the_plan, self.root, message=message))

    # ---- the verify loop: a fix for failed checks, undo of the whole chain ----------------------

    def chain_applied(self, checkpoint: str | None) -> None:
        """An apply of this review (or of a fix) wrote files: the first one starts the chain."""
        if checkpoint and self.chain is None:
            self.chain = VerifyChain(checkpoint)

    def chain_undone(self, checkpoint: str | None) -> None:
        """A single undo (``u``) took back the chain's first apply: there is no chain left."""
        if self.chain is not None and checkpoint == self.chain.first:
            self.chain = None

    def rounds_left(self) -> int:
        """Fix requests this review may still send (``verify_rounds`` minus those sent)."""
        sent = self.chain.fixes_sent if self.chain is not None else 0
        return max(0, self.session.settings.verify_rounds - sent)

    def fix_hint(self) -> str:
        """What the verify panel says after a failure: the keys, and whether a round is left."""
        rounds = self.session.settings.verify_rounds
        if self.session.conversation is None:
            return "U undoes all; no conversation to ask for a fix"
        if self.chain is not None and self.chain.fixes_sent >= rounds:
            return f"{rounds} fix round(s) used; U undoes all"
        return "f asks the architect for a fix · U undoes all"

    def send_fix(self, result: VerifyResult, diffs: list[str]) -> bool:
        """Send the failed checks back as a follow-up; False (and a note) when it cannot."""
        from architect_tui.review.fix_request import fix_request

        rounds = self.session.settings.verify_rounds
        chain = self.chain
        if chain is None:
            return False
        if chain.fixes_sent >= rounds:
            self.notify(
                f"{rounds} fix round(s) used (verify_rounds): U undoes the whole chain.",
                title="No more rounds",
                severity="warning",
            )
            return False
        text = fix_request(result, diffs, round_no=chain.fixes_sent + 1, rounds=rounds)
        self.reveal()
        if self.session.follow_up(self.panel, text) is None:
            self.notify(
                "This review has no conversation to continue: press R for a new one.",
                title="Cannot ask for a fix",
                severity="warning",
            )
            return False
        chain.fixes_sent += 1
        self._fix_pending = True
        return True

    def undo_chain_now(self) -> list[UndoReport]:
        """Blocking (run it in a thread): undo the chain back to before its first apply."""
        from architect_tui.vcs import undo_through

        chain = self.chain
        if chain is None:
            return []
        try:
            reports = undo_through(self.root, chain.first)
        except Exception as error:
            return [UndoReport(False, None, reason=f"undo failed: {error}")]
        if reports and all(r.undone for r in reports):
            self.chain = None
        return reports

    def files_changed(self) -> None:
        """Files were written or restored: read the project again, show the code as it is now."""
        self.main.action_reread()

    @work(thread=True, exclusive=True, group="undo", exit_on_error=False)
    def undo(self) -> None:
        """``u`` on the main screen: restore the latest checkpoint's files."""
        from architect_tui.vcs import undo

        try:
            report = undo(self.root)
        except Exception as error:
            report = UndoReport(False, None, reason=f"undo failed: {error}")
        self.app.call_from_thread(self._undone, report)

    def _undone(self, report: UndoReport) -> None:
        if not report.undone:
            self.notify(report.reason or "Nothing to undo.", title="Undo", severity="warning")
            return
        self.notify(undo_summary(report, self.root), title="Undo")
        self.chain_undone(report.checkpoint)
        self.files_changed()

    @work(exclusive=True, group="history", exit_on_error=False)
    async def history(self) -> None:
        """``H``: pick a saved review and show it in the panel."""
        from architect_tui.review.store import list_reviews, load_review

        records = await asyncio.to_thread(list_reviews, self.root)
        record = await self.app.push_screen_wait(HistoryScreen(records))
        if record is None:
            return
        try:
            review = await asyncio.to_thread(load_review, record)
        except (OSError, ValueError) as error:
            self.notify(f"Cannot open that review: {error}", severity="error")
            return
        self.session.conversation = None  # a reopened review has no live conversation
        self._subject = None
        self.reveal()
        await self.panel.show_review(review)


def warm_up() -> None:
    """Import the SDK (1-5 s of CPU) before the first review needs it, when a key is set.

    Called from a thread worker after the first frame; importing this module is warm-up too.
    """
    from architect_tui.review.client import warm_up as warm_sdk

    warm_sdk()
