"""The checks after an apply, live: a small panel under the changes view's hunks.

The panel owns the verification worker (so it dies with the changes view): it runs
``architect_tui.patch.verify.astream_verify`` (what runs is decided there: the configured
command, else pytest when plainly available, always a compile check of the changed files),
writes each output line to a log as it arrives, and keeps the outcome on its title line:
passed, failed with the exit code, timed out, or cancelled. The result goes up as
:class:`VerifyPanel.Verified`, so the screen can offer the fix key.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Log, Static
from textual.worker import Worker

from architect_tui.patch.verify import (
    TAIL_LINES,
    Finished,
    OutputLine,
    StepStarted,
    VerifyResult,
)
from architect_tui.review.fix_request import outcome_line
from architect_tui.ui.review._css import sibling_tcss

LOG_LINES = 2000  # the log keeps this many lines; the result keeps its own tail

VerifyState = str  # "idle" | "running" | "passed" | "failed" | "timed_out" | "cancelled"


def state_of(result: VerifyResult) -> VerifyState:
    if result.cancelled:
        return "cancelled"
    if result.timed_out:
        return "timed_out"
    return "passed" if result.ok else "failed"


class VerifyPanel(Vertical):
    """Title line (what runs, then how it ended, with the keys that apply) and the output log."""

    DEFAULT_CSS = sibling_tcss(__file__)

    state: reactive[VerifyState] = reactive("idle")

    class Verified(Message):
        """The checks ended (passed, failed, timed out or cancelled)."""

        def __init__(self, result: VerifyResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, *, id: str | None = "verify-panel") -> None:
        super().__init__(id=id)
        self.result: VerifyResult | None = None
        self.hint = ""  # keys shown after a failure ("f asks the architect for a fix")
        self._command = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="verify-title")
        yield Log(max_lines=LOG_LINES, id="verify-log")

    @property
    def running(self) -> bool:
        return self.state == "running"

    def watch_state(self, state: VerifyState) -> None:
        self.set_class(state == "running", "-running")
        self.set_class(state == "passed", "-passed")
        self.set_class(state in ("failed", "timed_out"), "-failed")
        self.set_class(state == "cancelled", "-cancelled")
        self._title()

    def _title(self) -> None:
        if self.state == "running":
            text = f"Checking: {self._command or 'planning…'}  (esc or x stops)"
        elif self.result is not None:
            text = f"{outcome_line(self.result).capitalize()}: {self.result.command or 'nothing'}"
            if self.hint and self.state != "passed":
                text += f"  ({self.hint})"
        else:
            text = ""
        self.query_one("#verify-title", Static).update(Content(text))

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        self._title()

    def start(self, root: Path, changed: Iterable[str]) -> Worker[None]:
        """Show the panel and run the checks for the files an apply wrote."""
        self.display = True
        self.result = None
        self._command = ""
        self.query_one(Log).clear()
        self.state = "running"
        return self._verify(Path(root), list(changed))

    def cancel(self) -> bool:
        """Stop the running checks (their process group ends); True when some were running."""
        if not self.running:
            return False
        self.workers.cancel_group(self, "verify")
        return True

    @work(exclusive=True, exit_on_error=False, group="verify")
    async def _verify(self, root: Path, changed: list[str]) -> None:
        from architect_tui.patch.verify import astream_verify

        log = self.query_one(Log)
        tail: deque[str] = deque(maxlen=TAIL_LINES)
        started = time.monotonic()
        result: VerifyResult | None = None
        try:
            async for event in astream_verify(root, changed):
                if isinstance(event, StepStarted):
                    self._command = (
                        f"{self._command} && {event.label}" if self._command else event.label
                    )
                    self._title()
                    log.write_line(f"$ {event.label}")
                elif isinstance(event, OutputLine):
                    tail.append(event.text)
                    log.write_line(event.text)
                elif isinstance(event, Finished):
                    result = event.result
        except asyncio.CancelledError:
            result = VerifyResult(
                self._command,
                None,
                "\n".join(tail),
                time.monotonic() - started,
                cancelled=True,
            )
            self._finish(result)
            raise
        if result is None:  # the stream ended without its last event: say so, never hang
            result = VerifyResult(self._command, None, "\n".join(tail), 0.0, cancelled=True)
        self._finish(result)

    def _finish(self, result: VerifyResult) -> None:
        self.result = result
        self.state = state_of(result)
        self.query_one(Log).write_line(outcome_line(result))
        self.post_message(self.Verified(result))
