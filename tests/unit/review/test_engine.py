"""The review engine with the real anthropic SDK against the local Messages API server."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import resolve_target
from architect_tui.config import Settings
from architect_tui.review.context import build_request
from architect_tui.review.engine import Conversation, run_review
from architect_tui.review.model import (
    Failed,
    Finished,
    ReviewEvent,
    ReviewRequest,
    TextDelta,
    UsageUpdate,
    Waiting,
)
from tests.support.anthropic_server import (
    AnthropicServer,
    CutReply,
    ErrorReply,
    HangReply,
    RawReply,
    StreamErrorReply,
    TextReply,
    closed_port_url,
)

ANSWER = """## Summary
The view trusts the request body.

## Findings
### [high] security: Order total comes from the client
Location: `shop/orders/views.py:16`
The client sets the price.

## Proposed changes
```diff
--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -15,3 +15,3 @@ def create():
     user = models.User.query.get(request.json["user_id"])
-    order = create_order(user, request.json["total"])
+    order = create_order(user, compute_total(user))
     return jsonify(id=order.id), 200
```
"""


@pytest.fixture
def settings(llm_env: AnthropicServer) -> Settings:
    """Settings as loaded from the environment that points at the local server."""
    return Settings(max_retries=2, max_wait=5.0, timeout=10.0)


@pytest.fixture
def request_(shop: ProjectMap, settings: Settings) -> ReviewRequest:
    return build_request(shop, resolve_target(shop, "orders.create"), settings)


async def collect(events) -> list[ReviewEvent]:
    return [event async for event in events]


def text_of(events: list[ReviewEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


async def test_request_carries_cached_system_overview_code_and_model(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """One POST /v1/messages, streamed, with both system blocks cached and the code in it."""
    llm_env.queue(TextReply(ANSWER))
    await collect(run_review(request_, settings))
    [sent] = llm_env.requests
    assert sent.path == "/v1/messages"
    assert sent.headers["authorization"] == "Bearer sk-ant-test-0000"
    body = sent.body
    assert body["stream"] is True
    assert body["model"] == "claude-sonnet-5-5"
    assert body["max_tokens"] == settings.max_tokens
    assert "temperature" not in body  # API 2026-10-21 rejects sampling parameters
    system = body["system"]
    assert [b.get("cache_control") for b in system] == [{"type": "ephemeral"}] * 2 + [None]
    assert system[0]["text"] == request_.system
    assert "POST /orders/ -> orders.create" in system[1]["text"]
    assert system[2]["text"] == request_.instructions  # the lens, after both cached blocks
    [user] = body["messages"]
    text = user["content"][0]["text"]
    assert user["content"][0]["cache_control"] == {"type": "ephemeral"}
    assert ' 16|     order = create_order(user, request.json["total"])' in text
    assert "def login_required(view):" in text
    assert "hunter2pass" not in text and "k3y-for-real" not in text


async def test_stream_yields_text_usage_and_a_parsed_review(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """Deltas arrive in order, usage is reported, the review has findings and the diff."""
    llm_env.queue(
        TextReply(
            ANSWER,
            chunk_size=7,
            input_tokens=900,
            output_tokens=210,
            cache_creation_input_tokens=800,
        )
    )
    events = await collect(run_review(request_, settings))
    assert text_of(events) == ANSWER
    assert len([e for e in events if isinstance(e, TextDelta)]) == -(-len(ANSWER) // 7)
    finished = events[-1]
    assert isinstance(finished, Finished)
    review = finished.review
    assert review.markdown == ANSWER and not review.incomplete
    assert review.stop_reason == "end_turn"
    assert review.usage is not None
    assert (review.usage.input_tokens, review.usage.output_tokens) == (900, 210)
    assert review.usage.cache_creation_input_tokens == 800
    assert any(isinstance(e, UsageUpdate) for e in events)
    [finding] = review.findings
    assert (finding.severity, finding.file, finding.line) == ("high", "shop/orders/views.py", 16)
    assert review.changes.startswith("--- a/shop/orders/views.py\n")
    assert review.target == "orders.create" and review.lens == "full"
    # the files the model was shown, for apply's scope (JSON `context_files`)
    shown = {p.file for p in request_.pieces if p.file and p.included}
    assert review.context_files == sorted(shown) and "shop/orders/views.py" in shown
    assert review.to_json()["context_files"] == review.context_files


async def test_follow_up_sends_the_history_and_a_new_review_starts_fresh(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """The second turn carries the first question and answer; a new Conversation does not."""
    llm_env.queue(TextReply(ANSWER), TextReply("## Summary\nUse a service.\n"), TextReply())
    conversation = Conversation(request_, settings)
    await collect(conversation.start())
    events = await collect(conversation.follow_up("How would you test it?"))
    assert isinstance(events[-1], Finished)
    follow = llm_env.requests[1].body["messages"]
    assert [m["role"] for m in follow] == ["user", "assistant", "user"]
    assert follow[1]["content"][0]["text"] == ANSWER
    assert follow[2]["content"][0]["text"].startswith("How would you test it?")
    assert llm_env.requests[1].body["system"] == llm_env.requests[0].body["system"]
    assert conversation.usage.input_tokens == 240  # two responses of 120
    await collect(run_review(request_, settings))
    assert len(llm_env.requests[2].body["messages"]) == 1


async def test_aclose_closes_the_http_stream(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """Esc in the UI: closing the iterator mid-stream drops the connection."""
    llm_env.queue(TextReply("word " * 400, chunk_size=5, delay=0.02))
    events = run_review(request_, settings)
    first = await anext(events)
    while not isinstance(first, TextDelta):
        first = await anext(events)
    await events.aclose()
    assert await asyncio.to_thread(llm_env.disconnected.wait, 10)


async def test_cancelling_the_task_closes_the_stream(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A cancelled worker task raises CancelledError and the server sees the disconnect."""
    llm_env.queue(TextReply("word " * 400, chunk_size=5, delay=0.02))
    got_text = asyncio.Event()

    async def consume() -> None:
        async for event in run_review(request_, settings):
            if isinstance(event, TextDelta):
                got_text.set()

    task = asyncio.create_task(consume())
    await got_text.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.to_thread(llm_env.disconnected.wait, 10)


async def test_no_key_fails_before_any_request(
    no_llm_env: None, anthropic_server: AnthropicServer, shop: ProjectMap
) -> None:
    """Without a key: a Failed("no_key") that says how to set one and offers --offline."""
    settings = Settings()
    request = build_request(shop, resolve_target(shop, "orders.create"), settings)
    [event] = await collect(run_review(request, settings))
    assert isinstance(event, Failed) and event.kind == "no_key"
    assert "ANTHROPIC_API_KEY" in event.message and "--offline" in event.message
    assert anthropic_server.requests == []


async def test_auth_token_is_sent_as_bearer(
    no_llm_env: None,
    anthropic_server: AnthropicServer,
    shop: ProjectMap,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ANTHROPIC_AUTH_TOKEN works when no API key is set."""
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "tok-123")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", anthropic_server.url)
    settings = Settings()
    request = build_request(shop, resolve_target(shop, "orders.create"), settings)
    events = await collect(run_review(request, settings))
    assert isinstance(events[-1], Finished)
    assert anthropic_server.requests[0].headers["authorization"] == "Bearer tok-123"


@pytest.mark.parametrize(
    ("status", "error_type", "kind", "hint"),
    [
        (401, "authentication_error", "auth", "ANTHROPIC_API_KEY"),
        (403, "permission_error", "forbidden", "permission"),
        (404, "not_found_error", "not_found", "ARCHITECT_MODEL"),
        (413, "request_too_large", "too_large", "budget"),
        (400, "invalid_request_error", "bad_request", "refused"),
    ],
)
async def test_final_http_errors_are_classified_without_retry(
    llm_env: AnthropicServer,
    request_: ReviewRequest,
    settings: Settings,
    status: int,
    error_type: str,
    kind: str,
    hint: str,
) -> None:
    """Each error becomes one Failed with the way forward; nothing is retried."""
    llm_env.queue(ErrorReply(status, error_type, "nope"))
    events = await collect(run_review(request_, settings))
    [event] = events
    assert isinstance(event, Failed) and event.kind == kind
    assert hint in event.message and ": nope)" in event.message
    assert len(llm_env.requests) == 1


async def test_unknown_model_message_names_the_model(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A 404 names the model id that was asked for."""
    llm_env.queue(ErrorReply(404, "not_found_error", "model: claude-nope"))
    [event] = await collect(run_review(request_, replace(settings, model="claude-nope")))
    assert isinstance(event, Failed) and "'claude-nope'" in event.message
    assert llm_env.requests[0].body["model"] == "claude-nope"


async def test_429_waits_what_retry_after_says_then_succeeds(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A visible Waiting event with the server's retry-after, then the answer."""
    llm_env.queue(
        ErrorReply(429, "rate_limit_error", "slow down", {"retry-after": "0.05"}),
        TextReply(ANSWER),
    )
    events = await collect(run_review(request_, settings))
    waits = [e for e in events if isinstance(e, Waiting)]
    assert [w.seconds for w in waits] == [0.05]
    assert "429" in waits[0].reason
    assert isinstance(events[-1], Finished)
    assert len(llm_env.requests) == 2


async def test_429_with_a_long_retry_after_fails_at_once_and_says_so(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """retry-after: 3600 is not an hour of silence: it fails now, naming the wait."""
    llm_env.queue(ErrorReply(429, "rate_limit_error", "slow down", {"retry-after": "3600"}))
    events = await collect(run_review(request_, settings))
    [event] = events
    assert isinstance(event, Failed) and event.kind == "rate_limited" and event.retryable
    assert "1.0 h" in event.message
    assert len(llm_env.requests) == 1


async def test_529_gives_up_after_our_retries(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """Overloaded three times with max_retries=2: two waits, then Failed("overloaded")."""
    overloaded = ErrorReply(529, "overloaded_error", "Overloaded", {"retry-after-ms": "10"})
    llm_env.queue(overloaded, overloaded, overloaded)
    events = await collect(run_review(request_, settings))
    assert [e.seconds for e in events if isinstance(e, Waiting)] == [0.01, 0.01]
    assert isinstance(events[-1], Failed) and events[-1].kind == "overloaded"
    assert len(llm_env.requests) == 3


async def test_5xx_after_retries(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A 500 is retried, then reported as a server failure."""
    broken = ErrorReply(500, "api_error", "Internal server error", {"retry-after": "0"})
    llm_env.queue(broken, broken, broken)
    events = await collect(run_review(request_, replace(settings, max_retries=1)))
    assert isinstance(events[-1], Failed) and events[-1].kind == "server"
    assert len(llm_env.requests) == 2


async def test_connection_refused(
    llm_env: AnthropicServer,
    request_: ReviewRequest,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing listening: Failed("connection") naming the URL."""
    url = closed_port_url()
    monkeypatch.setenv("ANTHROPIC_BASE_URL", url)
    [event] = await collect(run_review(request_, settings))
    assert isinstance(event, Failed) and event.kind == "connection" and url in event.message


async def test_timeout(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A server that never answers: Failed("timeout") after Settings.timeout."""
    llm_env.queue(HangReply(30))
    [event] = await collect(run_review(request_, replace(settings, timeout=0.3)))
    assert isinstance(event, Failed) and event.kind == "timeout" and event.retryable


async def test_error_event_inside_a_200_stream_keeps_the_partial_text(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """An overloaded_error event mid-stream: classified by type, partial kept, retryable."""
    llm_env.queue(StreamErrorReply("## Summary\nThe view ", "overloaded_error", "Overloaded"))
    events = await collect(run_review(request_, settings))
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.kind == "overloaded" and failed.retryable
    assert failed.partial is not None and failed.partial.incomplete
    assert failed.partial.markdown == "## Summary\nThe view "
    assert len(llm_env.requests) == 1  # text had arrived: not retried behind the user's back


async def test_cut_stream_keeps_partial_marks_incomplete_and_retry_resends(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A dropped connection (httpx2 RemoteProtocolError) -> Failed("cut"); retry() re-sends."""
    llm_env.queue(CutReply("## Summary\nThe view builds SQL from "), TextReply(ANSWER))
    conversation = Conversation(request_, settings)
    events = await collect(conversation.start())
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.kind == "cut" and failed.retryable
    assert failed.partial is not None and failed.partial.incomplete
    assert failed.partial.markdown == "## Summary\nThe view builds SQL from "
    events = await collect(conversation.retry())
    assert isinstance(events[-1], Finished)
    assert llm_env.requests[1].body["messages"] == llm_env.requests[0].body["messages"]


async def test_max_tokens_marks_incomplete_and_drops_the_unfinished_change(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """stop_reason max_tokens: the review finishes incomplete; a half diff is not offered."""
    cut = ANSWER + "\n```diff\n--- a/shop/models.py\n+++ b/shop/models.py\n@@ -1,3 +1,4 @@\n"
    llm_env.queue(TextReply(cut, stop_reason="max_tokens"))
    events = await collect(run_review(request_, settings))
    review = events[-1].review  # type: ignore[union-attr]
    assert review.incomplete and review.stop_reason == "max_tokens"
    assert "shop/models.py" not in review.changes
    assert "shop/orders/views.py" in review.changes
    assert any("cut inside a proposed change" in w for w in review.warnings)


async def test_refusal_is_a_failure(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """stop_reason refusal -> Failed("refused") with what came."""
    llm_env.queue(TextReply("I can't help with that.", stop_reason="refusal"))
    events = await collect(run_review(request_, settings))
    assert isinstance(events[-1], Failed) and events[-1].kind == "refused"


async def test_a_change_writing_a_placeholder_is_flagged(
    llm_env: AnthropicServer, shop: ProjectMap, settings: Settings
) -> None:
    """A diff that writes «REDACTED:1» back gets a warning on the review."""
    request = build_request(shop, resolve_target(shop, "shop/config.py"), settings)
    diff = (
        "## Proposed changes\n```diff\n--- a/shop/config.py\n+++ b/shop/config.py\n"
        '@@ -5,1 +5,1 @@\n-    SECRET_KEY = "«REDACTED:1»"\n+    SECRET_KEY = "«REDACTED:1»"  # ok\n```\n'
    )
    llm_env.queue(TextReply(diff))
    events = await collect(run_review(request, settings))
    review = events[-1].review  # type: ignore[union-attr]
    assert any("placeholder" in w for w in review.warnings)


async def test_temperature_is_sent_only_when_set(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings
) -> None:
    """A configured temperature goes in the body (for endpoints that still take one)."""
    await collect(run_review(request_, replace(settings, temperature=0.3)))
    assert llm_env.requests[0].body["temperature"] == 0.3


@pytest.mark.parametrize(
    ("reply", "kind", "needle"),
    [
        (RawReply(200), "protocol", "did not answer like the Anthropic Messages API"),
        (RawReply(404, "<h1>Not Found</h1>"), "not_found", "without /v1"),
        (RawReply(200, "{not json", "application/json"), "protocol", "ANTHROPIC_BASE_URL"),
    ],
)
async def test_a_server_that_is_not_the_messages_api(
    llm_env: AnthropicServer,
    request_: ReviewRequest,
    settings: Settings,
    reply: RawReply,
    kind: str,
    needle: str,
) -> None:
    """A wrong ANTHROPIC_BASE_URL (a web page, a bare 404) says to check the URL."""
    llm_env.queue(reply)
    events = await collect(run_review(request_, settings))
    assert isinstance(events[-1], Failed) and events[-1].kind == kind
    assert needle in events[-1].message


async def test_a_new_lens_or_a_question_keeps_the_cached_prefix(
    llm_env: AnthropicServer, shop: ProjectMap, settings: Settings
) -> None:
    """Stable prompt, then the overview (both cached), then what varies: two reviews of the
    same project with another lens, or a question, send the same two cached blocks first."""
    selection = resolve_target(shop, "orders.create")
    for lens, ask in (("full", None), ("security", None), ("full", "Is the total safe?")):
        request = build_request(shop, selection, settings, lens=lens, ask=ask)
        await collect(run_review(request, settings))
    bodies = [r.body for r in llm_env.requests]
    cached = [[b for b in body["system"] if "cache_control" in b] for body in bodies]
    assert cached[0] == cached[1] == cached[2] and len(cached[0]) == 2
    varying = [body["system"][-1]["text"] for body in bodies]
    assert len(set(varying)) == 3 and "cache_control" not in bodies[1]["system"][-1]


async def test_a_dripping_server_is_stopped_at_the_overall_deadline(
    llm_env: AnthropicServer, request_: ReviewRequest
) -> None:
    """One chunk every 2 s passes the per-read timeout; the deadline ends the review with a
    clear Failed, the text so far kept as an incomplete partial, the stream closed."""
    drip = ANSWER * 4  # ~90 chunks of 8 characters: three minutes at 2 s each
    llm_env.queue(TextReply(drip, chunk_size=8, delay=2.0))
    settings = Settings(max_retries=0, timeout=10.0, deadline=3.0)
    events = await collect(run_review(request_, settings))
    last = events[-1]
    assert isinstance(last, Failed) and last.kind == "deadline", last
    assert "deadline" in last.message and last.retryable
    received = text_of(events)
    assert received and drip.startswith(received) and len(received) < len(drip) // 4
    assert last.partial is not None and last.partial.incomplete
    assert last.partial.markdown == received
    assert await asyncio.to_thread(llm_env.disconnected.wait, 5.0)  # we hung up, not the server


async def test_a_retry_wait_longer_than_the_deadline_is_not_waited(
    llm_env: AnthropicServer, request_: ReviewRequest
) -> None:
    """A 529 asking for 30 s with 2 s of deadline left fails now, naming the deadline."""
    llm_env.queue(ErrorReply(529, "overloaded_error", "Overloaded", {"retry-after": "30"}))
    settings = Settings(max_retries=2, max_wait=60.0, timeout=10.0, deadline=2.0)
    events = await collect(run_review(request_, settings))
    assert not any(isinstance(e, Waiting) for e in events)
    last = events[-1]
    assert isinstance(last, Failed) and last.kind == "deadline"
    assert len(llm_env.requests) == 1


async def test_a_follow_up_after_an_apply_sends_the_applied_code(
    llm_env: AnthropicServer, request_: ReviewRequest, settings: Settings, shop: ProjectMap
) -> None:
    """The model sees the file as written by the apply (numbered anew), and only once."""
    llm_env.queue(TextReply(ANSWER), TextReply(), TextReply())
    conversation = Conversation(request_, settings)
    await collect(conversation.start())
    views = shop.root / "shop/orders/views.py"
    views.write_text(
        views.read_text().replace('request.json["total"]', "compute_total(user)"), "utf-8"
    )
    await collect(conversation.follow_up("Is it fixed now?"))
    sent = llm_env.requests[1].last_user_text
    assert "<applied_code>" in sent and "shop/orders/views.py:1-" in sent
    assert " 16|     order = create_order(user, compute_total(user))" in sent
    assert "ghp_abcdefghijklmnop" not in sent and "«REDACTED:" in sent  # same redaction rule
    await collect(conversation.follow_up("And the tests?"))
    assert "<applied_code>" not in llm_env.requests[2].last_user_text  # nothing changed since
