"""The changes view: every proposed hunk with its diff and status; accept, apply, undo.

Takes an :class:`~architect_tui.patch.ApplyPlan` (matched, nothing written). The user accepts
hunks (``space``, ``a``), applies them (``enter``: a worker calls ``architect_tui.patch.apply``
with ``partial=True``, so the accepted hunks are written even when others failed) and undoes
(``u``). Results go up as :class:`ChangesScreen.Applied` / :class:`ChangesScreen.Undone`, so the
app can refresh its map and code view; the screen itself only redraws its cards. After an
apply, the project's checks run in the :class:`VerifyPanel` below the hunks (``x`` or esc stops
them); its outcome goes up as :class:`VerifyPanel.Verified`.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from architect_tui.patch import ApplyPlan, ApplyReport, FilePlan
from architect_tui.ui.changes.dialogs import CommitMessageScreen, ConfirmScreen
from architect_tui.ui.changes.hunk_card import HunkCard
from architect_tui.ui.changes.summary import undo_summary
from architect_tui.ui.changes.verify_panel import VerifyPanel
from architect_tui.vcs import CommitReport, UndoReport

_FILE_STATUS = {
    "ready": "ready",
    "failed": "some hunks cannot apply",
    "refused": "refused",
    "unchanged": "no change",
}


def file_heading(fp: FilePlan) -> Content:
    kind = {"new": "new file", "delete": "delete", "rename": f"rename from {fp.old_path}"}.get(
        fp.kind, "modify"
    )
    bits = [fp.path, kind, _FILE_STATUS[fp.status]]
    if fp.reanchored:
        bits.append("re-anchored (changed since the review)")
    return Content(" · ".join(bits))


class ChangesScreen(Screen[None]):
    """Preview, accept, apply and undo the changes a review proposed."""

    CSS_PATH = "changes_screen.tcss"
    BINDINGS = [
        Binding("space", "toggle_hunk", "Accept", id="changes.toggle",
                tooltip="Accept or reject the focused hunk"),
        Binding("a", "accept_all", "All", id="changes.accept_all",
                tooltip="Accept every hunk that can be applied (again: reject all)"),
        Binding("enter", "apply", "Apply", id="changes.apply",
                tooltip="Write the accepted hunks; a checkpoint is saved first"),
        Binding("u", "undo", "Undo", id="changes.undo",
                tooltip="Restore the files of the latest apply, byte for byte"),
        Binding("c", "commit", "Commit", id="changes.commit",
                tooltip="git commit the applied files, with a message from the review"),
        Binding("s", "toggle_split", "Split", id="changes.split",
                tooltip="Switch between side-by-side and unified diffs"),
        Binding("down,j", "next_hunk", "Next", id="changes.next", show=False,
                tooltip="Focus the next hunk"),
        Binding("up,k", "previous_hunk", "Previous", id="changes.previous", show=False,
                tooltip="Focus the previous hunk"),
        Binding("x", "stop_checks", "Stop checks", id="changes.stop_checks",
                tooltip="Stop the checks running after the apply (esc too)"),
        Binding("escape", "close", "Close", id="changes.close",
                tooltip="Close the changes view (while checks run: stop them)"),
        Binding("q", "quit", "Quit", id="changes.quit",
                tooltip="Leave architect; with accepted hunks not yet written, ask first"),
    ]  # fmt: skip

    class Applied(Message):
        """The accepted hunks were written (or the apply failed: see ``report.reason``)."""

        def __init__(self, report: ApplyReport) -> None:
            super().__init__()
            self.report = report

    class Undone(Message):
        """Undo ran; ``report.undone`` says whether files were restored."""

        def __init__(self, report: UndoReport) -> None:
            super().__init__()
            self.report = report

    class Committed(Message):
        """The applied files were committed on the user's request (or why not)."""

        def __init__(self, report: CommitReport) -> None:
            super().__init__()
            self.report = report

    def __init__(self, plan: ApplyPlan, root: Path, *, message: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.root = Path(root)
        self.message = message
        self.accepted: set[tuple[str, int]] = set()
        self.report: ApplyReport | None = None
        self.busy = False
        self.split: bool | None = None
        self.route_effect: str | None = None  # "routes unchanged", after an apply

    # ---- layout ---------------------------------------------------------------------------------

    def summary(self) -> Content:
        hunks = [h for f in self.plan.files for h in f.hunks]
        done = sum(h.status == "already_applied" for h in hunks)
        ok = sum(h.ok for h in hunks) - done
        bits = [f"{len(self.plan.files)} file(s)", f"{len(hunks)} hunk(s)", f"{ok} can apply"]
        if done:
            bits.append(f"{done} already in the file")
        failed = len(hunks) - ok - done
        if failed:
            bits.append(f"{failed} cannot")
        bits.append(f"{len(self.accepted)} accepted")
        text = " · ".join(bits)
        if self.plan.incomplete:
            text += " · the answer was cut: its last hunk is not offered"
        return Content(text)

    def compose(self) -> ComposeResult:
        yield Static(self.summary(), id="changes-summary")
        with VerticalScroll(id="changes-list"):
            if not self.plan.files:
                yield Static("The review proposes no changes.", classes="changes-empty")
            for fp in self.plan.files:
                yield Static(file_heading(fp), classes=f"file-heading -{fp.status}")
                if fp.status == "refused" and fp.reason:
                    yield Static(Content(fp.reason), classes="file-reason")
                for why in getattr(fp, "consent", []) or []:
                    yield Static(
                        Content(f"⚠ not asked for: {why} (a skips it; space accepts it)"),
                        classes="file-warning -consent",
                    )
                for warning in getattr(fp, "warnings", []) or []:
                    yield Static(Content(f"⚠ {warning}"), classes="file-warning")
                text = fp.old_bytes.decode("utf-8", "replace") if fp.old_bytes else ""
                for result in fp.hunks:
                    yield HunkCard(fp.path, result, new_file=fp.kind == "new", file_text=text)
        yield VerifyPanel()
        yield Static("", id="changes-status")
        yield Footer()

    def on_mount(self) -> None:
        cards = list(self.query(HunkCard))
        if cards:
            cards[0].focus()

    def on_resize(self) -> None:
        # As on the main screen: a compact footer keeps every key visible at 80 columns.
        self.query_one(Footer).compact = self.size.width < 140

    def _cards(self) -> list[HunkCard]:
        return list(self.query(HunkCard))

    def _status(self, text: str) -> None:
        self.query_one("#changes-status", Static).update(Content(text))
        self.query_one("#changes-summary", Static).update(self.summary())

    # ---- accepting ------------------------------------------------------------------------------

    def _set_accepted(self, card: HunkCard, value: bool) -> None:
        if value:
            self.accepted.add(card.key)
        else:
            self.accepted.discard(card.key)
        card.accepted = value

    def action_toggle_hunk(self) -> None:
        card = self.focused
        if not isinstance(card, HunkCard):
            return
        if card.already_applied:
            self.notify("This change is already in the file: nothing to do.")
            return
        if not card.can_accept:
            self.notify(card.result.reason or "this hunk cannot be applied", severity="warning")
            return
        if card.applied:
            self.notify("Already applied: press u to undo.")
            return
        value = card.key not in self.accepted
        group = self._together(card)
        for other in group:
            self._set_accepted(other, value)
        if len(group) > 1:  # half a change would break a name: both or neither
            names = ", ".join(f"hunk {c.result.index}" for c in group)
            self._status(f"{'Accepted' if value else 'Rejected'} together: {names}.")
        else:
            self._status("")
        if value and self._consent_of(card):
            self.notify(f"{card.path}: {'; '.join(self._consent_of(card))}.", severity="warning")

    def action_accept_all(self) -> None:
        """Every hunk that can be written, except in files the user did not ask to change (or
        that run code by themselves): those are accepted one by one, knowingly, with space."""
        acceptable = [
            c for c in self._cards() if c.can_accept and not c.applied and not self._consent_of(c)
        ]
        value = not all(c.key in self.accepted for c in acceptable)
        for card in acceptable:
            self._set_accepted(card, value)
        self._status("")

    def _file_plan(self, path: str) -> FilePlan | None:
        return next((f for f in self.plan.files if f.path == path), None)

    def _consent_of(self, card: HunkCard) -> list[str]:
        """Why writing this card's file needs the user's own say-so (empty: it does not)."""
        fp = self._file_plan(card.path)
        return list(getattr(fp, "consent", []) or []) if fp is not None else []

    def _together(self, card: HunkCard) -> list[HunkCard]:
        """The card and every hunk of its file linked to it by ``needs`` (either way, through
        others too): accepting part of such a group would leave a name undefined."""
        cards = {c.result.index: c for c in self._cards() if c.path == card.path}
        links: dict[int, set[int]] = {i: set() for i in cards}
        for index, other in cards.items():
            for needed in getattr(other.result, "needs", []) or []:
                if needed in links:
                    links[index].add(needed)
                    links[needed].add(index)
        group, todo = {card.result.index}, [card.result.index]
        while todo:
            for linked in links[todo.pop()] - group:
                group.add(linked)
                todo.append(linked)
        return [cards[i] for i in sorted(group) if cards[i].can_accept and not cards[i].applied]

    def action_next_hunk(self) -> None:
        self._move(1)

    def action_previous_hunk(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        cards = self._cards()
        if not cards:
            return
        current = self.focused
        index = cards.index(current) if isinstance(current, HunkCard) else -step
        target = cards[max(0, min(len(cards) - 1, index + step))]
        target.focus()
        target.scroll_visible()

    def action_toggle_split(self) -> None:
        self.split = not self.split if self.split is not None else True
        for card in self._cards():
            card.split = self.split

    def action_close(self) -> None:
        if self.verify_panel.cancel():
            return
        self.dismiss()

    # ---- checking the apply (verify_panel.py) ---------------------------------------------------

    @property
    def verify_panel(self) -> VerifyPanel:
        return self.query_one(VerifyPanel)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop_checks":
            return self.is_mounted and self.verify_panel.running
        return True

    def action_stop_checks(self) -> None:
        self.verify_panel.cancel()

    def applied_diffs(self) -> list[str]:
        """The previewed diffs of the hunks this view wrote (what a fix request quotes)."""
        return [c.result.diff for c in self._cards() if c.applied]

    @on(VerifyPanel.Verified)
    def _verified(self, event: VerifyPanel.Verified) -> None:
        self.refresh_bindings()

    def action_quit(self) -> None:
        """``q``: leave the app, but never drop accepted, unwritten hunks without asking."""
        if not self.accepted:
            self.app.exit()
            return
        count = len(self.accepted)
        question = f"Quit with {count} accepted hunk{'s' if count != 1 else ''} not applied?"
        detail = "Nothing has been written. enter on the changes view writes them."

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.exit()

        self.app.push_screen(ConfirmScreen(question, detail, yes="Quit", no="Stay"), answered)

    # ---- applying and undoing ----------------------------------------------------------------

    def action_apply(self) -> None:
        if self.busy:
            return
        if self.report is not None and self.report.applied:
            self.notify("These changes are applied: press u to undo first.")
            return
        if not self.accepted:
            self.notify(
                "Nothing accepted: space accepts a hunk, a accepts all.", severity="warning"
            )
            return
        self.busy = True
        self._status("Applying…")
        keys = set(self.accepted) | {(f.path, 0) for f in self.plan.files if not f.hunks}
        self._apply_worker(keys)

    @work(thread=True, exclusive=True, exit_on_error=False, group="changes")
    def _apply_worker(self, keys: set[tuple[str, int]]) -> None:
        from architect_tui.patch import apply

        try:
            report = apply(self.plan, self.root, accepted=keys, partial=True, message=self.message)
        except Exception as exc:  # never lose the UI to an unexpected error: say it
            report = ApplyReport(False, None, reason=f"apply failed: {exc}")
        self.post_message(self.Applied(report))

    def action_undo(self) -> None:
        if self.busy:
            return
        self.verify_panel.cancel()  # the checks would test files about to be restored
        self.busy = True
        self._status("Undoing…")
        self._undo_worker()

    @work(thread=True, exclusive=True, exit_on_error=False, group="changes")
    def _undo_worker(self) -> None:
        from architect_tui.vcs import undo

        try:
            report = undo(self.root)
        except Exception as exc:
            report = UndoReport(False, None, reason=f"undo failed: {exc}")
        self.post_message(self.Undone(report))

    def action_commit(self) -> None:
        if self.busy:
            return
        if self.report is None or not self.report.applied:
            self.notify("Apply first: only applied changes are committed.", severity="warning")
            return
        files = [f.path for f in self.report.files if f.status == "applied"]

        def chosen(message: str | None) -> None:
            if message and not self.busy:
                self.busy = True
                self._status("Committing…")
                self._commit_worker(message)

        message = self.message or "Apply changes proposed by architect"
        self.app.push_screen(CommitMessageScreen(message, files), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="changes")
    def _commit_worker(self, message: str) -> None:
        from architect_tui.vcs import commit_applied

        try:
            report = commit_applied(self.root, message)
        except Exception as exc:
            report = CommitReport(False, reason=f"commit failed: {exc}")
        self.post_message(self.Committed(report))

    @on(Committed)
    def _committed(self, event: Committed) -> None:
        self.busy = False
        if event.report.committed:
            self._status(f"Committed {str(event.report.sha)[:10]}.")
        else:
            self._status(f"Not committed: {event.report.reason}")
            self.notify(event.report.reason or "not committed", severity="warning")

    @on(Applied)
    def _applied(self, event: Applied) -> None:
        self.busy = False
        report = event.report
        self.report = report
        done = {(f.path, i) for f in report.files for i in f.applied_hunks}
        for card in self._cards():
            if card.key in done:
                card.applied = True
                self._set_accepted(card, False)  # written now: an undo leaves it not accepted
        if report.applied:
            self._status(f"Applied {len(done)} hunk(s); checkpoint {report.checkpoint}. u undoes.")
            if report.checkpoint:
                self._route_effect(report.checkpoint)
            written = [f.path for f in report.files if f.applied_hunks or f.status == "applied"]
            self.verify_panel.start(self.root, written)
            self.refresh_bindings()
        else:
            self._status(report.reason or "Nothing was written.")
            if report.reason:
                self.notify(report.reason, severity="error")

    # ---- what the apply did to the routes (analysis/editdiff.py) -------------------------------

    class RoutesChecked(Message):
        """The route-level diff of the apply against the state before it, in one sentence."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    @work(thread=True, exclusive=True, exit_on_error=False, group="changes-routes")
    def _route_effect(self, checkpoint: str) -> None:
        """Map the project before and after the apply: did the routes stay as they were?"""
        from architect_tui.analysis.editdiff import diff_edits, summary
        from architect_tui.vcs import list_checkpoints

        found = next((c for c in list_checkpoints(self.root, limit=5) if c.id == checkpoint), None)
        if found is not None and found.problem is None:
            self.post_message(self.RoutesChecked(summary(diff_edits(self.root, found.files))))

    @on(RoutesChecked)
    def _routes_checked(self, event: RoutesChecked) -> None:
        self.route_effect = event.text
        self.notify(f"After this apply: {event.text}", title="Routes", timeout=8)

    @on(Undone)
    def _undone(self, event: Undone) -> None:
        self.busy = False
        report = event.report
        if not report.undone:
            self._status(f"Undo refused: {report.reason}")
            self.notify(report.reason or "nothing to undo", severity="warning")
            return
        if self.report is not None and report.checkpoint == self.report.checkpoint:
            self.report = None
            for card in self._cards():
                card.applied = False
        self._status(undo_summary(report, self.root))
