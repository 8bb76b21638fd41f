"""The core review session: one source choice, hints in every request, one extraction of changes.

Answers come from the local Anthropic server through the real SDK; what ``architect apply``
would apply (run in-process with ``--dry-run --json`` on the same markdown) is compared with
what the changes view is offered (``plan_proposed``) and with ``review.changes``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import resolve_target
from architect_tui.cli import main
from architect_tui.config import Settings
from architect_tui.patch import extract_changes
from architect_tui.review.model import Finished, ReviewEvent
from architect_tui.review.session import (
    HINTS_HEADER,
    OFFLINE_ASKED,
    OFFLINE_NOTE,
    OFFLINE_NOTE_BASE_URL,
    choose_source,
    plan_proposed,
    prepare_review,
    start_review,
)
from tests.support.anthropic_server import AnthropicServer, TextReply

HEAD = "## Summary\nThe total comes from the client.\n\n## Proposed changes\n"
DIFF_BODY = """--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -15,3 +15,3 @@ def create():
     user = models.User.query.get(request.json["user_id"])
-    order = create_order(user, request.json["total"])
+    order = create_order(user, compute_total(user))
     return jsonify(id=order.id), 200
"""
SECOND_HUNK = """--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -21,3 +21,3 @@ def index():
 def index():
-    rows = models.Order.query.limit(PAGE_SIZE).all()
+    rows = models.Order.query.order_by(models.Order.id).limit(PAGE_SIZE).all()
     return jsonify([r.id for r in rows])
"""
SEARCH_REPLACE = """shop/services/orders.py
```python
<<<<<<< SEARCH
    db.session.add(order)
    db.session.commit()
=======
    db.session.add(order)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
>>>>>>> REPLACE
```
"""

# (name, answer, stop_reason, how many hunks apply would apply = the view must offer)
ANSWERS = [
    ("diff fence", f"{HEAD}```diff\n{DIFF_BODY}```\n", "end_turn", 1),
    ("python fence", f"{HEAD}```python\n{DIFF_BODY}```\n", "end_turn", 1),
    ("unfenced", f"{HEAD}{DIFF_BODY}\nThat is all.\n", "end_turn", 1),
    ("search/replace", f"{HEAD}In {SEARCH_REPLACE}", "end_turn", 1),
    ("two blocks", f"{HEAD}```diff\n{DIFF_BODY}```\n\n```diff\n{SECOND_HUNK}```\n", "end_turn", 2),
    (
        "cut in the second block",
        f"{HEAD}```diff\n{DIFF_BODY}```\n\n```diff\n{SECOND_HUNK.split('-    rows')[0]}",
        "max_tokens",
        1,
    ),
    (
        "cut in the second hunk of one block",
        f"{HEAD}```diff\n{DIFF_BODY}{SECOND_HUNK.split('+++ b/shop/orders/views.py')[1][1:70]}",
        "max_tokens",
        1,
    ),
]


@pytest.fixture
def settings(llm_env: AnthropicServer) -> Settings:
    return Settings(max_retries=0, timeout=10.0)


async def finished_review(
    server: AnthropicServer, shop: ProjectMap, settings: Settings, answer, stop
):
    server.queue(TextReply(answer, chunk_size=50, stop_reason=stop))
    prepared = prepare_review(shop, resolve_target(shop, "orders.create"), settings)
    events: list[ReviewEvent] = [e async for e in start_review(prepared.request, settings).start()]
    last = events[-1]
    assert isinstance(last, Finished), last
    return last.review


def apply_dry_run(root: Path, markdown: str, tmp_path: Path, capsys) -> dict:
    """What ``architect apply --dry-run --json`` reports for the answer's markdown."""
    source = tmp_path / "answer.md"
    source.write_text(markdown, "utf-8")
    capsys.readouterr()
    main(["apply", str(source), "--project", str(root), "--dry-run", "--json"])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("name", "answer", "stop", "expected"), ANSWERS, ids=[a[0] for a in ANSWERS]
)
async def test_every_change_apply_applies_is_offered_in_the_changes_view(
    llm_env: AnthropicServer,
    shop: ProjectMap,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    answer: str,
    stop: str,
    expected: int,
) -> None:
    """The changes view's plan, apply's report and review.changes agree, hunk for hunk."""
    review = await finished_review(llm_env, shop, settings, answer, stop)
    assert review.incomplete == (stop == "max_tokens")
    offered = plan_proposed(review, shop.root)
    view = {
        (f.path, tuple(h.hunk.new_lines))
        for f in offered.files
        for h in f.hunks
        if h.ok and h.hunk is not None and h.hunk.complete
    }
    report = apply_dry_run(
        shop.root, json.dumps(review.to_json()), tmp_path, capsys
    )  # the JSON document carries `incomplete`, as `review --format json | apply -` does
    applied = [
        (f["path"], h["index"])
        for f in report["files"]
        for h in f["hunks"]
        if h["status"] != "failed" and f["status"] != "refused"
    ]
    assert len(applied) == expected
    assert len(view) == expected
    # review.changes (the button's count, JSON's "changes") is the same set of hunks
    again = extract_changes(review.changes, shop.root)
    assert {(f.path, tuple(h.new_lines)) for f in again.files for h in f.hunks} == view
    if stop == "max_tokens":
        assert any("cut inside a proposed change" in w for w in review.warnings)


async def test_hints_are_sent_and_the_local_review_comes_back(
    llm_env: AnthropicServer, shop: ProjectMap, settings: Settings
) -> None:
    """The local rules' findings ride along as <hints> (the same in the TUI and the CLI)."""
    selection = resolve_target(shop, "orders.create")
    prepared = prepare_review(shop, selection, settings)
    assert prepared.local is not None and prepared.local.source == "local"
    hints = prepared.request.piece("hints")
    assert prepared.local.findings, "the shop's create view has local findings (FLK304)"
    assert hints is not None and HINTS_HEADER in hints.text and "- - " not in hints.text
    for finding in prepared.local.findings:
        assert f"- [{finding.severity}] {finding.rule} {finding.file}:{finding.line}" in hints.text


def test_choose_source(monkeypatch: pytest.MonkeyPatch, no_llm_env: None) -> None:
    """Key -> model; no key -> offline with the note; a question with no key needs one."""
    assert choose_source(Settings()).source == "offline"
    assert choose_source(Settings()).note == OFFLINE_NOTE
    assert choose_source(Settings(), ask=True).source == "needs_key"
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
    assert choose_source(Settings()).note == OFFLINE_NOTE_BASE_URL
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-test")
    assert choose_source(Settings()).source == "model"
    assert choose_source(Settings(), offline=True).source == "offline"
    # a question asked with --offline is refused with why, never answered by the rules
    asked = choose_source(Settings(), offline=True, ask=True)
    assert asked.source == "needs_key" and asked.note == OFFLINE_ASKED
    assert choose_source(Settings(offline=True)).source == "offline"
    assert choose_source(Settings(offline=True), ask=True).source == "needs_key"
