"""The local Messages API server itself, seen through the real SDK (it must speak the wire
protocol exactly, or every other test proves nothing)."""

from __future__ import annotations

import anthropic
import pytest

from tests.support.anthropic_server import AnthropicServer, ErrorReply, TextReply


def client(server: AnthropicServer) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0)


async def test_non_streaming_message(anthropic_server: AnthropicServer) -> None:
    """stream=false gets one Message JSON the SDK parses, with usage."""
    anthropic_server.queue(TextReply("plain answer", input_tokens=7, output_tokens=3))
    message = await client(anthropic_server).messages.create(
        model="claude-haiku-5-5", max_tokens=10, messages=[{"role": "user", "content": "hi"}]
    )
    assert message.content[0].text == "plain answer"
    assert message.model == "claude-haiku-5-5" and message.stop_reason == "end_turn"
    assert (message.usage.input_tokens, message.usage.output_tokens) == (7, 3)
    assert anthropic_server.requests[0].body.get("stream") is None


async def test_stream_event_sequence(anthropic_server: AnthropicServer) -> None:
    """The SSE events come in the API's order and the SDK rebuilds the final message."""
    anthropic_server.queue(TextReply("abcdef", chunk_size=2, stop_reason="max_tokens"))
    async with client(anthropic_server).messages.stream(
        model="m", max_tokens=5, messages=[{"role": "user", "content": "hi"}]
    ) as stream:
        kinds = [event.type async for event in stream if event.type != "text"]
        final = await stream.get_final_message()
    assert kinds == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_delta",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    assert final.content[0].text == "abcdef" and final.stop_reason == "max_tokens"


async def test_error_body_and_headers(anthropic_server: AnthropicServer) -> None:
    """Errors carry the API's body and headers: type, message, request-id, retry-after."""
    anthropic_server.queue(
        ErrorReply(429, "rate_limit_error", "Number of requests exceeded", {"retry-after": "7"})
    )
    with pytest.raises(anthropic.RateLimitError) as caught:
        await client(anthropic_server).messages.create(
            model="m", max_tokens=5, messages=[{"role": "user", "content": "hi"}]
        )
    error = caught.value
    assert error.type == "rate_limit_error"
    assert error.api_message == "Number of requests exceeded"
    assert error.request_id and error.request_id.startswith("req_")
    assert error.response.headers["retry-after"] == "7"
    assert error.response.headers["anthropic-ratelimit-requests-limit"] == "50"
