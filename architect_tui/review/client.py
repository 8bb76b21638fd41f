"""The one place that talks to an Anthropic-compatible endpoint: stream, wait, classify.

``stream_answer`` yields plain events (``TextDelta``, ``UsageUpdate``, ``Waiting``) and ends with
exactly one ``StreamEnd`` or ``Failed``; it never raises for API, network or protocol trouble.
The whole call (request, waits, retries, stream) ends by ``Settings.deadline`` (overshooting by
at most the gap between two events, itself bounded by the per-read ``timeout``): a server that
drips a chunk every few seconds passes every per-read timeout but not that (``Failed`` kind
``deadline``, the text so far kept).
Cancelling the consuming task, or ``aclose()`` on the iterator, closes the HTTP stream.

Retries are ours, not the SDK's: the SDK runs with ``max_retries=0`` because it honours
``retry-after`` without a cap and silently (3600 means an hour of nothing). We retry 429, 529 and
5xx answers that arrive before any text, up to ``Settings.max_retries`` times, waiting what the
server asks (``retry-after-ms`` / ``retry-after``) or 1, 2, 4 s, and announce each wait with a
``Waiting`` event. A wait longer than ``Settings.max_wait`` is not waited: the review fails with a
message naming the wait. Nothing is retried once text has arrived (the user already sees it).

``anthropic`` is imported inside the functions: importing it costs 1-2 s, which the TUI's first
frame and ``architect --help`` must not pay.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from architect_tui.config import CHEAP_MODEL, Settings
from architect_tui.review.model import Failed, TextDelta, Usage, UsageUpdate, Waiting

EPHEMERAL = {"type": "ephemeral"}
NO_KEY_MESSAGE = (
    "No API key: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), e.g. "
    "`export ANTHROPIC_API_KEY=sk-ant-...`; point ANTHROPIC_BASE_URL at a local "
    "Anthropic-compatible server to use one; or review without a model with --offline."
)


@dataclass(frozen=True, slots=True)
class StreamEnd:
    """The stream ended normally. ``stop_reason`` "max_tokens" means the answer was cut."""

    text: str
    usage: Usage
    stop_reason: str | None
    model: str


def warm_up() -> None:
    """Import the SDK now (1-5 s): a TUI calls this in a thread worker after its first frame,
    so the first review does not pay for it."""
    import anthropic  # noqa: F401


def system_blocks(system: str, overview: str, instructions: str = "") -> list[dict[str, Any]]:
    """Stable first: the prompt, then the project overview, both cached (two breakpoints); then
    what varies (the lens, a question's addendum), uncached, so changing it keeps both hits."""
    blocks = [{"type": "text", "text": system, "cache_control": EPHEMERAL}]
    if overview.strip():
        blocks.append({"type": "text", "text": overview, "cache_control": EPHEMERAL})
    if instructions.strip():
        blocks.append({"type": "text", "text": instructions})
    return blocks


async def stream_answer(
    settings: Settings,
    system: list[dict[str, Any]],
    messages: list[dict[str, Any]],
) -> AsyncIterator[TextDelta | UsageUpdate | Waiting | StreamEnd | Failed]:
    """Send one Messages request and stream its answer as plain events."""
    if not settings.has_credentials:
        yield Failed("no_key", NO_KEY_MESSAGE)
        return
    # The first import costs 1-5 s of CPU: do it off the event loop so a TUI never freezes.
    await asyncio.to_thread(warm_up)
    import anthropic

    client = anthropic.AsyncAnthropic(
        api_key=settings.api_key,
        auth_token=None if settings.api_key else settings.auth_token,
        base_url=settings.base_url,
        max_retries=0,
        timeout=settings.timeout,
    )
    extra: dict[str, Any] = {}
    if settings.temperature is not None:
        extra["temperature"] = settings.temperature
    deadline_at = time.monotonic() + settings.deadline

    def left() -> float:
        return deadline_at - time.monotonic()

    try:
        attempt = 0
        while True:
            text: list[str] = []
            usage = Usage()
            stop_reason: str | None = None
            model = settings.model
            started = False  # a message_start arrived: this is the Messages API
            try:
                if left() <= 0:
                    raise DeadlineExceeded
                async with client.messages.stream(
                    model=settings.model,
                    max_tokens=settings.max_tokens,
                    system=system,  # type: ignore[arg-type]
                    messages=messages,  # type: ignore[arg-type]
                    extra_body=extra or None,
                ) as stream:
                    async for event in stream:
                        kind = event.type
                        if kind == "message_start":
                            started = True
                            model = event.message.model or model
                            usage = _merge_usage(usage, event.message.usage)
                            yield UsageUpdate(usage)
                        elif kind == "content_block_delta" and event.delta.type == "text_delta":
                            text.append(event.delta.text)
                            yield TextDelta(event.delta.text)
                        elif kind == "message_delta":
                            stop_reason = event.delta.stop_reason or stop_reason
                            usage = _merge_usage(usage, event.usage)
                            yield UsageUpdate(usage)
                        # Checked between events: a silent server is ended by the per-read
                        # timeout, a dripping one here (asyncio.timeout would span our yields
                        # and cancel the caller's code; wait_for swallows cancels on 3.11).
                        if left() <= 0:
                            raise DeadlineExceeded
                if not started:
                    yield Failed("protocol", _not_anthropic(settings))
                    return
                yield StreamEnd("".join(text), usage, stop_reason, model)
                return
            except DeadlineExceeded:
                yield _deadline_failure(settings, received_text=bool(text))
                return
            except Exception as exc:  # classified below; cancellation is BaseException
                failure = classify(exc, settings, received_text=bool(text))
                wait = _auto_retry_wait(exc, failure, attempt, settings, bool(text))
                if wait is None:
                    yield failure
                    return
                if wait > settings.max_wait:
                    yield Failed(
                        failure.kind,
                        f"{failure.message} The server asks to wait {_duration(wait)}, longer "
                        f"than the {_duration(settings.max_wait)} we wait (max_wait); try again "
                        "later.",
                        retryable=True,
                    )
                    return
                if wait >= left():
                    yield _deadline_failure(settings, received_text=False)
                    return
                attempt += 1
                yield Waiting(wait, failure.message)
                await asyncio.sleep(wait)
    finally:
        await client.close()


class DeadlineExceeded(Exception):
    """The review's overall deadline (``Settings.deadline``) passed."""


def _deadline_failure(settings: Settings, *, received_text: bool) -> Failed:
    kept = " The text so far is kept and marked incomplete." if received_text else ""
    return Failed(
        "deadline",
        f"The review ran past its {_duration(settings.deadline)} deadline (`deadline` in "
        f".architect/config.toml) and was stopped.{kept} Retry, select less code, or raise "
        "the deadline.",
        retryable=True,
    )


def _merge_usage(current: Usage, raw: Any) -> Usage:
    """message_start carries input and cache counts; message_delta cumulative output."""
    if raw is None:
        return current

    def pick(name: str, old: int) -> int:
        value = getattr(raw, name, None)
        return int(value) if value is not None else old

    return Usage(
        input_tokens=pick("input_tokens", current.input_tokens),
        output_tokens=pick("output_tokens", current.output_tokens),
        cache_creation_input_tokens=pick(
            "cache_creation_input_tokens", current.cache_creation_input_tokens
        ),
        cache_read_input_tokens=pick("cache_read_input_tokens", current.cache_read_input_tokens),
    )


_AUTO_RETRY = {"rate_limited", "overloaded", "server"}


def _auto_retry_wait(
    exc: BaseException, failure: Failed, attempt: int, settings: Settings, received_text: bool
) -> float | None:
    """Seconds to wait before retrying, or None when this failure is final."""
    if received_text or failure.kind not in _AUTO_RETRY or getattr(exc, "status_code", 0) == 200:
        return None
    retry_after = retry_after_seconds(getattr(getattr(exc, "response", None), "headers", None))
    if retry_after is not None and retry_after > settings.max_wait:
        return retry_after  # reported, not waited
    if attempt >= settings.max_retries:
        return None
    if retry_after is not None:
        return retry_after
    return float(min(2**attempt, 8))


def retry_after_seconds(headers: Any) -> float | None:
    """``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date), as seconds."""
    if headers is None:
        return None
    try:
        millis = headers.get("retry-after-ms")
        if millis is not None:
            return max(float(millis) / 1000, 0.0)
    except (TypeError, ValueError):
        pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return max(email.utils.mktime_tz(parsed) - time.time(), 0.0)


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 120:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _api_detail(exc: Any) -> str:
    message = getattr(exc, "api_message", None) or ""
    return f" ({message})" if message else ""


def classify(exc: BaseException, settings: Settings, *, received_text: bool = False) -> Failed:
    """Turn any exception from the SDK or the network into one clear ``Failed``."""
    import anthropic
    import httpx2

    endpoint = settings.base_url or "the Anthropic API"
    if isinstance(exc, anthropic.APIStatusError):
        status = exc.status_code
        detail = _api_detail(exc)
        say = f": {exc.api_message}" if exc.api_message else ""
        if status == 200:  # an `error` event inside a 200 stream: classify by its type
            return _classify_type(str(exc.type or ""), detail, received_text)
        if status == 401:
            return Failed(
                "auth",
                f"The API key was rejected (401{say}). Check ANTHROPIC_API_KEY or "
                "ANTHROPIC_AUTH_TOKEN; --offline reviews without a key.",
            )
        if status == 403:
            return Failed(
                "forbidden",
                f"The key may not use this model or endpoint (403{say}). Check the key's "
                f"workspace permissions or pick another model (e.g. {CHEAP_MODEL}).",
            )
        if status == 404 and exc.type is None:  # not the API's error body: a wrong URL
            return Failed(
                "not_found",
                f"{endpoint} has no /v1/messages (404, not an Anthropic error body). Check "
                "ANTHROPIC_BASE_URL: the server's root, without /v1.",
            )
        if status == 404:
            return Failed(
                "not_found",
                f"{endpoint} does not know the model {settings.model!r} (404{say}). Set "
                "another with ARCHITECT_MODEL or `model = ...` in .architect/config.toml.",
            )
        if status == 413:
            return Failed(
                "too_large",
                f"The request is too large (413{say}). Lower the context budget "
                f"(now {settings.token_budget} tokens: ARCHITECT_BUDGET or token_budget in "
                ".architect/config.toml), turn off context pieces, or select less code.",
            )
        if status == 429:
            return Failed(
                "rate_limited",
                f"Rate limited (429{say}).",
                retryable=True,
            )
        if status == 529 or exc.type == "overloaded_error":
            return Failed("overloaded", f"The API is overloaded (529{say}).", retryable=True)
        if status >= 500:
            return Failed("server", f"The server failed ({status}{say}).", retryable=True)
        if status == 400:
            return Failed(
                "bad_request",
                f"The endpoint refused the request (400{say}). If it names a parameter, "
                "check the model and temperature settings.",
            )
        return Failed("api_error", f"The endpoint answered {status}{say}.")
    for link in _chain(exc):
        if isinstance(link, anthropic.APITimeoutError | httpx2.TimeoutException):
            return Failed(
                "timeout",
                f"No answer from {endpoint} within {settings.timeout:.0f} s. Try again, or raise "
                "`timeout` in .architect/config.toml.",
                retryable=True,
            )
        if isinstance(link, httpx2.RemoteProtocolError | httpx2.ReadError) or (
            received_text and isinstance(link, anthropic.APIConnectionError)
        ):
            return Failed(
                "cut",
                "The connection dropped in the middle of the answer: the text so far is kept "
                "and marked incomplete. Retry to get the whole answer.",
                retryable=True,
            )
        if isinstance(link, anthropic.APIConnectionError | httpx2.ConnectError | OSError):
            return Failed(
                "connection",
                f"Could not connect to {endpoint}. Check the network or ANTHROPIC_BASE_URL; "
                "--offline reviews without a model.",
                retryable=True,
            )
        if isinstance(link, anthropic.APIResponseValidationError | json.JSONDecodeError):
            return Failed("protocol", _not_anthropic(settings))
        if isinstance(link, TypeError) and "authentication" in str(link).lower():
            return Failed("no_key", NO_KEY_MESSAGE)
    return Failed("error", f"The review failed: {type(exc).__name__}: {exc}")


def _not_anthropic(settings: Settings) -> str:
    endpoint = settings.base_url or "the Anthropic API"
    return (
        f"{endpoint} did not answer like the Anthropic Messages API. Check ANTHROPIC_BASE_URL "
        "(an Anthropic-compatible server's root, without /v1)."
    )


def _classify_type(error_type: str, detail: str, received_text: bool) -> Failed:
    kept = " The text so far is kept and marked incomplete." if received_text else ""
    if error_type == "overloaded_error":
        return Failed(
            "overloaded", f"The API is overloaded{detail}.{kept} Retry in a moment.", retryable=True
        )
    if error_type == "rate_limit_error":
        return Failed("rate_limited", f"Rate limited{detail}.{kept}", retryable=True)
    if error_type in {"authentication_error", "permission_error"}:
        return Failed("auth", f"The endpoint rejected the credentials{detail}.")
    if error_type == "request_too_large":
        return Failed("too_large", f"The request is too large{detail}. Lower the context budget.")
    return Failed(
        "server", f"The stream failed ({error_type or 'error'}){detail}.{kept}", retryable=True
    )
