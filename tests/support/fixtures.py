"""Pytest fixtures around the local Anthropic server; load with ``pytest_plugins``.

``pytest_plugins = ["tests.support.fixtures"]`` in ``tests/conftest.py`` makes these available
everywhere:

- ``anthropic_server``: a started :class:`~tests.support.anthropic_server.AnthropicServer`,
  closed after the test.
- ``llm_env``: points the process environment at that server (``ANTHROPIC_BASE_URL``, a fake
  ``ANTHROPIC_API_KEY``), clears ``ANTHROPIC_AUTH_TOKEN``/``ARCHITECT_MODEL`` and returns the
  server, so code that reads the environment (``Settings``, the CLI, the TUI) reaches it.
- ``no_llm_env``: removes every Anthropic variable (the "no key" path).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.anthropic_server import AnthropicServer

TEST_KEY = "sk-ant-test-0000"

_ENV = (
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "ANTHROPIC_BASE_URL",
    "ANTHROPIC_PROFILE",
    "ANTHROPIC_CONFIG_DIR",
    "ARCHITECT_MODEL",
    "ARCHITECT_MAX_TOKENS",
    "ARCHITECT_BUDGET",
)


@pytest.fixture
def anthropic_server() -> Iterator[AnthropicServer]:
    """A scripted Messages API server on 127.0.0.1, one per test."""
    with AnthropicServer() as server:
        yield server


@pytest.fixture
def no_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No key, no base URL, no profile in the environment."""
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def llm_env(
    monkeypatch: pytest.MonkeyPatch, anthropic_server: AnthropicServer, no_llm_env: None
) -> AnthropicServer:
    """The environment points at ``anthropic_server`` with a fake key."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", TEST_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", anthropic_server.url)
    return anthropic_server
