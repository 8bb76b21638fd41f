"""A local, scripted Anthropic Messages API server for tests: real HTTP on 127.0.0.1.

The real ``anthropic`` SDK talks to it through ``base_url``; nothing in the SDK is mocked. Each
test queues the replies it wants, in order; every request is recorded for assertions.

API (also used by the UI's Pilot tests)::

    from tests.support.anthropic_server import AnthropicServer, TextReply, ErrorReply

    with AnthropicServer() as server:          # or the ``anthropic_server`` pytest fixture
        server.queue(TextReply("## Summary\\nFine.", chunk_size=8))
        client = AsyncAnthropic(api_key="test-key", base_url=server.url, max_retries=0)
        ...
        req = server.requests[0]               # RecordedRequest
        req.body["system"], req.headers["authorization"], req.path

Replies (queue any number; when the queue is empty every request gets ``server.default``,
a short ``TextReply``):

- ``TextReply(text, chunk_size=16, stop_reason="end_turn", usage=..., delay=0.0)``: a normal
  answer. A request with ``"stream": true`` gets SSE exactly as the API sends it (message_start,
  content_block_start, ping, content_block_delta*, content_block_stop, message_delta with
  stop_reason and usage, message_stop) over chunked transfer encoding; otherwise one JSON
  ``Message``. ``delay`` sleeps before each delta (a slow stream, for cancellation tests).
- ``ErrorReply(status, error_type, message, headers={})``: an HTTP error with the API's body
  ``{"type":"error","error":{"type":...,"message":...},"request_id":...}``; put ``retry-after``
  (or ``retry-after-ms``) in ``headers`` for 429/529.
- ``StreamErrorReply(text, error_type="overloaded_error", message="Overloaded")``: a 200
  stream that sends ``text`` and then an ``event: error`` (the SDK raises ``APIStatusError``
  with status 200).
- ``CutReply(text)``: a 200 stream that sends ``text`` and then drops the connection in the
  middle of the chunked body (the SDK surfaces httpx2's ``RemoteProtocolError``).
- ``HangReply(seconds)``: accepts the request and answers nothing for ``seconds`` (timeouts).
- ``RawReply(status, body, content_type)``: anything else (an HTML page from a wrong URL).

``server.disconnected`` is a ``threading.Event`` set when the client closed a stream before it
ended (cancellation). ``closed_port_url()`` gives a URL where nothing listens (connection
refused).
"""

from __future__ import annotations

import itertools
import json
import socket
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_ids = itertools.count(1)

RATE_LIMIT_HEADERS = {
    "anthropic-ratelimit-requests-limit": "50",
    "anthropic-ratelimit-requests-remaining": "49",
    "anthropic-ratelimit-requests-reset": "2026-11-26T10:00:00Z",
    "anthropic-ratelimit-tokens-limit": "100000",
    "anthropic-ratelimit-tokens-remaining": "99000",
    "anthropic-ratelimit-tokens-reset": "2026-11-26T10:00:00Z",
}


@dataclass(slots=True)
class RecordedRequest:
    """One request as the server saw it: headers lower-cased, the JSON body decoded."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def system_text(self) -> str:
        """All system blocks' text joined (the body's ``system`` may be a str or blocks)."""
        system = self.body.get("system", "")
        if isinstance(system, str):
            return system
        return "\n".join(block.get("text", "") for block in system)

    @property
    def last_user_text(self) -> str:
        """The text of the last user message."""
        message = [m for m in self.body.get("messages", []) if m["role"] == "user"][-1]
        content = message["content"]
        if isinstance(content, str):
            return content
        return "\n".join(block.get("text", "") for block in content)


@dataclass(slots=True)
class TextReply:
    text: str = "## Summary\nLooks fine.\n\n## Findings\nNone.\n\n## Proposed changes\nNone.\n"
    chunk_size: int = 16
    stop_reason: str = "end_turn"
    input_tokens: int = 120
    output_tokens: int = 40
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0
    delay: float = 0.0
    model: str | None = None  # defaults to the model the request asked for


@dataclass(slots=True)
class ErrorReply:
    status: int
    error_type: str
    message: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class StreamErrorReply:
    text: str = "## Summary\nThe view "
    error_type: str = "overloaded_error"
    message: str = "Overloaded"


@dataclass(slots=True)
class CutReply:
    text: str = "## Summary\nThe view builds SQL from "
    chunk_size: int = 8


@dataclass(slots=True)
class RawReply:
    """Any bytes with any status: what a wrong ANTHROPIC_BASE_URL answers (an HTML page)."""

    status: int = 200
    body: str = "<html><body>Welcome to nginx!</body></html>"
    content_type: str = "text/html"


@dataclass(slots=True)
class HangReply:
    seconds: float = 5.0


Reply = TextReply | ErrorReply | StreamErrorReply | CutReply | HangReply | RawReply


def _chunks(text: str, size: int) -> list[str]:
    size = max(1, size)
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _message_json(model: str, reply: TextReply) -> dict[str, Any]:
    return {
        "id": f"msg_test{next(_ids):04d}",
        "type": "message",
        "role": "assistant",
        "model": reply.model or model,
        "content": [{"type": "text", "text": reply.text}],
        "stop_reason": reply.stop_reason,
        "stop_sequence": None,
        "usage": _usage(reply, reply.output_tokens),
    }


def _usage(reply: TextReply, output_tokens: int) -> dict[str, Any]:
    return {
        "input_tokens": reply.input_tokens,
        "cache_creation_input_tokens": reply.cache_creation_input_tokens,
        "cache_read_input_tokens": reply.cache_read_input_tokens,
        "output_tokens": output_tokens,
    }


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def _stream_head(model: str, reply: TextReply) -> list[bytes]:
    start = _message_json(model, reply)
    start["content"] = []
    start["stop_reason"] = None
    start["usage"] = _usage(reply, 1)
    return [
        _sse("message_start", {"type": "message_start", "message": start}),
        _sse(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        ),
        _sse("ping", {"type": "ping"}),
    ]


def _delta(text: str) -> bytes:
    return _sse(
        "content_block_delta",
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": text}},
    )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        return

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.owner._record(RecordedRequest("POST", self.path, headers, body))
        reply = self.server.owner._next_reply()
        model = str(body.get("model", "claude-test"))
        stream = bool(body.get("stream"))
        try:
            self._answer(reply, model, stream)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.server.owner.disconnected.set()
            self.close_connection = True

    def _answer(self, reply: Reply, model: str, stream: bool) -> None:
        if isinstance(reply, HangReply):
            self.server.owner._stop.wait(reply.seconds)
            self.close_connection = True
            return
        if isinstance(reply, RawReply):
            data = reply.body.encode()
            self.send_response(reply.status)
            self.send_header("content-type", reply.content_type)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
            return
        if isinstance(reply, ErrorReply):
            payload = {
                "type": "error",
                "error": {"type": reply.error_type, "message": reply.message},
                "request_id": f"req_test{next(_ids):04d}",
            }
            self._send_json(reply.status, payload, reply.headers)
            return
        if isinstance(reply, TextReply) and not stream:
            self._send_json(200, _message_json(model, reply), {})
            return
        self._start_stream()
        if isinstance(reply, TextReply):
            for part in _stream_head(model, reply):
                self._chunk(part)
            for piece in _chunks(reply.text, reply.chunk_size):
                if reply.delay and self.server.owner._stop.wait(reply.delay):
                    return
                self._chunk(_delta(piece))
            self._chunk(_sse("content_block_stop", {"type": "content_block_stop", "index": 0}))
            self._chunk(
                _sse(
                    "message_delta",
                    {
                        "type": "message_delta",
                        "delta": {"stop_reason": reply.stop_reason, "stop_sequence": None},
                        "usage": _usage(reply, reply.output_tokens),
                    },
                )
            )
            self._chunk(_sse("message_stop", {"type": "message_stop"}))
            self._end_chunks()
        elif isinstance(reply, StreamErrorReply):
            for part in _stream_head(model, TextReply(reply.text)):
                self._chunk(part)
            self._chunk(_delta(reply.text))
            error = {"type": "error", "error": {"type": reply.error_type, "message": reply.message}}
            self._chunk(_sse("error", error))
            self._end_chunks()
        elif isinstance(reply, CutReply):
            for part in _stream_head(model, TextReply(reply.text)):
                self._chunk(part)
            for piece in _chunks(reply.text, reply.chunk_size):
                self._chunk(_delta(piece))
            # Announce a chunk, send half of it, drop the connection: an incomplete body.
            self.wfile.write(b'400\r\nevent: content_block_delta\ndata: {"type"')
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)

    def _common_headers(self) -> None:
        self.send_header("request-id", f"req_test{next(_ids):04d}")
        self.send_header("anthropic-organization-id", "org-test")
        for key, value in RATE_LIMIT_HEADERS.items():
            self.send_header(key, value)

    def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self._common_headers()
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream; charset=utf-8")
        self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        self._common_headers()
        self.end_headers()

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _end_chunks(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: AnthropicServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-stream (cancel tests do it on purpose) is expected, not a
        server fault: keep it out of the test output; anything else is printed as usual."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        super().handle_error(request, client_address)


class AnthropicServer:
    """The scripted server; a context manager that runs it in a daemon thread."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self.default: Reply = TextReply()
        self.disconnected = threading.Event()
        self._replies: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """The base URL to give the SDK (``base_url``) or ``ANTHROPIC_BASE_URL``."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def queue(self, *replies: Reply) -> AnthropicServer:
        """Append replies; each request consumes the next one."""
        with self._lock:
            self._replies.extend(replies)
        return self

    def start(self) -> AnthropicServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> AnthropicServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> bool:
        """Block until ``count`` requests arrived (for a test driving another thread/process)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.requests) >= count:
                    return True
            time.sleep(0.01)
        return False

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._replies.popleft() if self._replies else self.default


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens: the SDK gets "connection refused"."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
