"""Pilot tests of the review panel, fed scripted streams of the core's real event dataclasses."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import TypeVar

import pytest
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Button, Markdown

from architect_tui.review.model import (
    Failed,
    Finding,
    Finished,
    Review,
    ReviewEvent,
    TextDelta,
    Usage,
    UsageUpdate,
    Waiting,
)
from architect_tui.review.pricing import estimate_cost
from architect_tui.ui.review import ReviewPanel, threaded_review
from architect_tui.ui.review.findings import FindingsList

MessageT = TypeVar("MessageT", bound=Message)

DIFF = """--- a/shop/views.py
+++ b/shop/views.py
@@ -1,2 +1,2 @@
 def search():
-    q = f"select {x}"
+    q = text("select :x")
"""

FINDINGS = [
    Finding("low", "rest", "Create answers 200", "shop/api.py", 18, "Use 201."),
    Finding("high", "security", "SQL built from input", "shop/views.py", 42, "Bind it."),
    Finding(
        "medium",
        "errors",
        "print in request code",
        "shop/views.py",
        7,
        "Log it.",
        rule="AR301",
        source="local",
    ),
    Finding("info", "structure", "No tests", None, None, "Add some."),
]


def make_review(markdown: str = "## Summary\nFine.", **kw: object) -> Review:
    fields: dict[str, object] = {
        "target": "shop.search",
        "model": "claude-sonnet-5-5",
        "lens": "full",
        "markdown": markdown,
    }
    fields.update(kw)
    return Review(**fields)  # type: ignore[arg-type]


class Host(App[None]):
    """A bare app holding only the panel, like the main screen will."""

    def compose(self) -> ComposeResult:
        yield ReviewPanel(id="panel")


async def script(
    *events: ReviewEvent,
    gate: asyncio.Event | None = None,
    log: list[str] | None = None,
    gate_at: int = -1,
) -> AsyncIterator[ReviewEvent]:
    """Yield ``events``; with a gate, block before event ``gate_at`` until the gate is set."""
    stop_at = gate_at % len(events)
    try:
        for index, event in enumerate(events):
            if gate is not None and index == stop_at:
                await gate.wait()
            yield event
    finally:
        if log is not None:
            log.append("closed")


def posted(seen: list[Message], kind: type[MessageT]) -> list[MessageT]:
    """Each message of ``kind`` once (the hook sees a message again at every node it bubbles to)."""
    unique: dict[int, MessageT] = {}
    for message in seen:
        if isinstance(message, kind):
            unique.setdefault(id(message), message)
    return list(unique.values())


def panel_of(app: App[None]) -> ReviewPanel:
    return app.query_one(ReviewPanel)


async def test_streaming_appends_text_and_shows_findings() -> None:
    """Deltas build the markdown; Finished adds the findings, changes line and usage."""
    review = make_review(
        "## Summary\nIt works.\n",
        findings=FINDINGS,
        changes=DIFF,
        usage=Usage(1200, 340, 0, 1000),
    )
    seen: list[Message] = []
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(
            script(
                TextDelta("## Summary\n"),
                UsageUpdate(Usage(1200, 10)),
                TextDelta("It works.\n"),
                Finished(review),
            ),
            target="shop.search",
            model="claude-sonnet-5-5",
            lens="security",
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        markdown = panel.query_one(Markdown)
        assert markdown.source == "## Summary\nIt works.\n"
        assert panel.status == "done"
        header = panel.header_text
        assert "shop.search" in header and "claude-sonnet-5-5" in header
        assert "lens security" in header and "done" in header
        assert "in 1,200" in header and "out 340" in header and "r 1,000" in header
        cost = estimate_cost("claude-sonnet-5-5", Usage(1200, 340, 0, 1000))
        assert cost is not None and f"~${cost:.4f}" in header
        findings = panel.query_one(FindingsList)
        assert [f.severity for f in findings.findings] == ["high", "medium", "low", "info"]
        assert "local AR301" in str(findings.get_option_at_index(1).prompt)
        assert findings.get_option_at_index(3).disabled  # no file: nothing to jump to
        assert "1 proposed change in 1 file" in str(panel.query_one(".changes", Button).label)
        assert [m.review for m in posted(seen, ReviewPanel.Completed)] == [review]


async def test_choosing_a_finding_posts_its_file_and_line() -> None:
    """Enter on a finding posts FindingSelected with that finding's file and line."""
    seen: list[Message] = []
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(script(Finished(make_review(findings=FINDINGS))))
        await app.workers.wait_for_complete()
        await pilot.pause()
        findings = panel.query_one(FindingsList)
        findings.focus()
        findings.highlighted = 1  # second by severity: the local medium one
        await pilot.press("enter")
        await pilot.pause()
        chosen = posted(seen, ReviewPanel.FindingSelected)
        assert [(m.file, m.line) for m in chosen] == [("shop/views.py", 7)]
        assert chosen[0].finding.rule == "AR301"


async def test_changes_line_posts_changes_requested() -> None:
    """Pressing the proposed-changes line hands the whole review up."""
    seen: list[Message] = []
    review = make_review(changes=DIFF)
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(script(Finished(review)))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.click(".changes")
        await pilot.pause()
        assert [m.review for m in posted(seen, ReviewPanel.ChangesRequested)] == [review]


async def test_offline_review_without_deltas_shows_its_markdown() -> None:
    """A review that arrives whole (the offline rules) is shown, local findings marked."""
    local = [FINDINGS[2]]
    review = make_review("## Summary\nOffline.\n", model="offline", findings=local, source="local")
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(script(Finished(review)), target="shop.search", model="offline")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.query_one(Markdown).source == "## Summary\nOffline.\n"
        findings = panel.query_one(FindingsList)
        assert findings.border_title == "1 finding (1 local)"  # singular
        assert "local AR301" in str(findings.get_option_at_index(0).prompt)
        assert panel.query_one(".no-changes").render().plain == "No proposed changes"


async def test_escape_cancels_a_slow_stream_and_closes_it() -> None:
    """Esc stops a stream that is still waiting: the generator's finally runs, text kept."""
    gate = asyncio.Event()  # never set: the server is slow
    log: list[str] = []
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(
            script(
                UsageUpdate(Usage(50, 3)),
                TextDelta("Half an answer"),
                Finished(make_review()),
                gate=gate,
                log=log,
            )
        )
        await pilot.pause()
        assert panel.running and panel.status == "streaming"
        assert panel.query_one(Markdown).source == "Half an answer"  # shown while it streams
        panel.follow_up_input.focus()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert log == ["closed"]
        assert not panel.running
        assert panel.status == "cancelled"
        assert panel.turns[-1].has_class("-incomplete")
        assert "cancelled" in panel.query_one(".failure").render().plain
        assert panel.query(".failure-actions .retry")
        assert panel.query_one(Markdown).source == "Half an answer"
        assert panel.usage == Usage(50, 3)  # what was read before Esc still counts


async def test_a_new_review_cancels_the_running_one() -> None:
    """Starting a review while one streams closes the old stream and starts fresh."""
    gate = asyncio.Event()
    log: list[str] = []
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(script(TextDelta("old"), Finished(make_review()), gate=gate, log=log))
        await pilot.pause()
        new = panel.start_review(script(TextDelta("new"), Finished(make_review("new"))))
        await new.wait()  # wait_for_complete would re-raise the old worker's cancellation
        await pilot.pause()
        assert log == ["closed"]
        assert len(panel.turns) == 1
        assert panel.transcript == "new"
        assert panel.status == "done"


async def test_waiting_shows_a_countdown_then_streams() -> None:
    """A Waiting event shows the seconds left and the reason until text flows again."""
    gate = asyncio.Event()
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(
            script(
                Waiting(30, "rate limited"),
                TextDelta("ok"),
                Finished(make_review("ok")),
                gate=gate,
                gate_at=1,
            )
        )
        await pilot.pause()
        assert panel.status == "waiting"
        assert "waiting — 30s: rate limited" in panel.header_text
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.status == "done"
        assert "waiting" not in panel.header_text


FAILURES = [
    ("no_key", "No API key is set.", "ANTHROPIC_API_KEY", "failed"),
    ("auth", "The key was rejected.", "Check ANTHROPIC_API_KEY", "failed"),
    ("forbidden", "Forbidden.", "another model", "failed"),
    ("not_found", "Unknown model x.", "ARCHITECT_MODEL", "failed"),
    ("too_large", "The request is too large.", "token budget", "failed"),
    ("rate_limited", "Rate limited.", "retry", "failed"),
    ("overloaded", "Overloaded.", "retry", "failed"),
    ("server", "Server error 500.", "retry", "failed"),
    ("connection", "Connection refused.", "ANTHROPIC_BASE_URL", "failed"),
    ("timeout", "Timed out.", "retry", "failed"),
    ("refused", "The model declined.", "Rephrase", "failed"),
    ("cut", "The stream was cut.", "marked incomplete", "incomplete"),
]


@pytest.mark.parametrize(("kind", "message", "hint", "status"), FAILURES)
async def test_each_failure_is_explained_and_the_app_stays_usable(
    kind: str, message: str, hint: str, status: str
) -> None:
    """Each Failed kind shows its message and way forward; a next review still works."""
    seen: list[Message] = []
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(script(TextDelta("Part"), Failed(kind, message, None, kind != "no_key")))
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = panel.query_one(".failure")
        text = box.render().plain
        assert message in text and hint in text
        assert "Traceback" not in text
        assert panel.status == status
        assert panel.query_one(Markdown).source == "Part"
        assert [m.failure.kind for m in posted(seen, ReviewPanel.ReviewFailed)] == [kind]
        panel.start_review(script(TextDelta("Again"), Finished(make_review("Again"))))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.status == "done" and panel.transcript == "Again"


async def test_cut_stream_keeps_partial_and_offers_retry() -> None:
    """A cut keeps the partial text and findings, marks it incomplete; r re-runs the source."""
    partial = make_review("Partial", findings=FINDINGS[:1], incomplete=True)
    runs: list[int] = []

    def source() -> AsyncIterator[ReviewEvent]:
        runs.append(1)
        if len(runs) == 1:
            return script(TextDelta("Partial"), Failed("cut", "Cut.", partial, True))
        return script(TextDelta("Whole"), Finished(make_review("Whole")))

    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(source)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.status == "incomplete"
        assert panel.turns[0].has_class("-incomplete")
        assert panel.query_one(FindingsList).findings == FINDINGS[:1]
        assert panel.review is partial
        panel.follow_up_input.focus()
        await pilot.press("r")  # typed into the input, not a retry
        assert runs == [1]
        panel.query_one(FindingsList).focus()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(runs) == 2
        assert panel.transcript == "Whole" and panel.status == "done"


async def test_unexpected_error_in_the_stream_is_a_message_not_a_crash() -> None:
    """An exception from the event source becomes a failure box; the app keeps running."""

    async def broken() -> AsyncIterator[ReviewEvent]:
        yield TextDelta("so far")
        raise ValueError("bad chunk")

    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(broken())
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.status == "failed"
        assert "ValueError: bad chunk" in panel.query_one(".failure").render().plain
        assert app.is_running


async def test_follow_up_posts_and_appends_a_turn() -> None:
    """Submitting the input posts FollowUp; the owner's next stream appends to the conversation."""
    seen: list[Message] = []
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(
            script(
                TextDelta("First."), UsageUpdate(Usage(100, 10)), Finished(make_review("First."))
            )
        )
        await app.workers.wait_for_complete()
        panel.follow_up_input.focus()
        await pilot.press(*"why?")
        await pilot.press("enter")
        await pilot.pause()
        assert [m.text for m in posted(seen, ReviewPanel.FollowUp)] == ["why?"]
        assert panel.follow_up_input.value == "why?"  # kept until the owner sends it
        panel.continue_review(
            script(TextDelta("Because."), UsageUpdate(Usage(150, 20)), Finished(make_review("B"))),
            "why?",
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.follow_up_input.value == ""
        turns = panel.turns
        assert [t.question for t in turns] == [None, "why?"]
        assert panel.transcript == "First.\n\nBecause."
        assert panel.usage == Usage(250, 30)
        assert "in 250" in panel.header_text
        # a new review starts fresh
        panel.start_review(script(Finished(make_review("Fresh"))))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [t.question for t in panel.turns] == [None]
        assert panel.transcript == "Fresh"


async def test_cost_estimate_is_shown_when_an_estimator_is_given() -> None:
    """The header adds the estimated cost from the owner's price function."""

    class PricedHost(App[None]):
        def compose(self) -> ComposeResult:
            yield ReviewPanel(cost_estimator=lambda model, u: u.input_tokens * 3e-6)

    app = PricedHost()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(
            script(UsageUpdate(Usage(10_000, 5)), Finished(make_review())), model="m"
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "~$0.0300" in panel.header_text


async def test_show_review_reopens_a_saved_review() -> None:
    """A saved review is shown whole, with its findings, and the header says saved."""
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        await panel.show_review(make_review("## Old\nText", findings=FINDINGS, lens="database"))
        await pilot.pause()
        assert panel.query_one(Markdown).source == "## Old\nText"
        assert panel.status == "saved"
        assert "lens database" in panel.header_text
        assert len(panel.query_one(FindingsList).findings) == 4


LOCAL = make_review(
    "## Offline",
    model="offline",
    source="local",
    findings=[
        Finding("high", "security", "f-string SQL", "shop/views.py", 42, "Bind.", "AR103", "local"),
        Finding("medium", "errors", "bare except", "shop/api.py", 30, "Narrow.", "AR201", "local"),
    ],
    changes=DIFF.replace("shop/views.py", "shop/api.py"),
)


async def test_local_findings_join_the_answer_and_keep_their_own_fixes() -> None:
    """Offline findings are listed with the LLM's (marked local, duplicates of the same place
    dropped) and their fixes open through their own changes line."""
    seen: list[Message] = []
    review = make_review(findings=FINDINGS[:2], changes=DIFF)
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(script(TextDelta("Answer"), Finished(review)), local=LOCAL)
        await app.workers.wait_for_complete()
        await pilot.pause()
        findings = panel.query_one(FindingsList)
        assert [(f.title, f.source) for f in findings.findings] == [
            ("SQL built from input", "llm"),
            ("bare except", "local"),
            ("Create answers 200", "llm"),
        ]
        assert findings.border_title == "3 findings (1 local)"
        buttons = list(panel.query(".changes").results(Button))
        assert [str(b.label) for b in buttons] == [
            "1 proposed change in 1 file — open the changes view",
            "1 local fix in 1 file — open the changes view",
        ]
        await pilot.click(buttons[1])
        await pilot.pause()
        assert [m.review for m in posted(seen, ReviewPanel.ChangesRequested)] == [LOCAL]


async def test_local_findings_still_shown_when_the_model_fails() -> None:
    """With no key the failure is explained and the offline findings are listed below it."""
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(script(Failed("no_key", "No API key.")), local=LOCAL)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "No API key" in panel.query_one(".failure").render().plain
        findings = panel.query_one(FindingsList)
        assert {f.rule for f in findings.findings} == {"AR103", "AR201"}
        assert panel.query(".changes")


async def test_threaded_review_runs_a_sync_reviewer_off_the_loop() -> None:
    """A plain function's Review (the offline rules) arrives as Finished; its error as Failed."""
    calls: list[int] = []

    def reviewer() -> Review:
        calls.append(1)
        if len(calls) == 1:
            raise NotImplementedError("the offline rules are not built yet")
        return LOCAL

    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(threaded_review(reviewer), model="offline")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.status == "failed"
        assert "not built yet" in panel.query_one(".failure").render().plain
        await pilot.click(".failure-actions .retry")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.status == "done" and panel.review is LOCAL
        assert panel.query_one(Markdown).source == "## Offline"


async def test_empty_panel_explains_itself_and_clear_returns_to_it() -> None:
    """Before any review the panel says what to do, a follow-up is not posted; clear() resets."""
    seen: list[Message] = []

    class EmptyHost(App[None]):
        def compose(self) -> ComposeResult:
            yield ReviewPanel(empty_text="Press R to review the selection.")

    app = EmptyHost()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        assert panel.query_one("#review-empty").render().plain == "Press R to review the selection."
        panel.follow_up_input.focus()
        await pilot.press(*"hello", "enter")
        await pilot.pause()
        assert posted(seen, ReviewPanel.FollowUp) == []
        assert panel.follow_up_input.value == "hello"
        panel.start_review(script(TextDelta("x"), Finished(make_review("x"))))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not panel.query("#review-empty") and panel.status == "done"
        await panel.clear()
        await pilot.pause()
        assert panel.turns == [] and panel.query("#review-empty")
        assert panel.status == "idle" and panel.review is None


async def test_removing_the_panel_closes_its_stream() -> None:
    """Undocking the panel mid-stream cancels its worker and closes the event stream."""
    gate = asyncio.Event()
    log: list[str] = []
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        worker = panel.start_review(
            script(TextDelta("partial"), Finished(make_review()), gate=gate, log=log)
        )
        await pilot.pause()
        assert panel.running
        await panel.remove()
        await pilot.pause()
        assert log == ["closed"]
        assert worker.is_cancelled
        assert app.is_running


async def test_findings_outside_the_project_cannot_be_chosen() -> None:
    """A location the model made up outside the project is listed but disabled."""
    hostile = [
        Finding("high", "security", "Escapes", "../../etc/passwd", 1, "x"),
        Finding("high", "security", "Absolute", "/etc/shadow", 1, "x"),
        Finding("low", "rest", "Fine", "shop/api.py", 3, "x"),
    ]
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(script(Finished(make_review(findings=hostile))))
        await app.workers.wait_for_complete()
        await pilot.pause()
        findings = panel.query_one(FindingsList)
        disabled = [findings.get_option_at_index(i).disabled for i in range(3)]
        assert disabled == [True, True, False]


async def test_follow_up_waits_for_the_running_answer() -> None:
    """Enter in the follow-up input while an answer streams keeps the text and posts nothing."""
    gate = asyncio.Event()
    seen: list[Message] = []
    app = Host()
    async with app.run_test(message_hook=seen.append) as pilot:
        panel = panel_of(app)
        panel.start_review(script(TextDelta("so"), Finished(make_review("so")), gate=gate))
        await pilot.pause()
        panel.follow_up_input.focus()
        await pilot.press(*"and?", "enter")
        await pilot.pause()
        assert posted(seen, ReviewPanel.FollowUp) == []
        assert panel.follow_up_input.value == "and?" and panel.running
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert [m.text for m in posted(seen, ReviewPanel.FollowUp)] == ["and?"]


async def test_failure_messages_are_shown_literally_not_as_markup() -> None:
    """A server message with square brackets is shown as written, never styled or dropped."""
    app = Host()
    async with app.run_test() as pilot:
        panel = panel_of(app)
        panel.start_review(script(Failed("server", "upstream said [bold]no[/bold] [link=x]")))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = panel.query_one(".failure").render().plain
        assert "upstream said [bold]no[/bold] [link=x]" in text
