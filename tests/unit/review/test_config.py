"""Settings layering: defaults < user file < pyproject [tool.architect] < .architect < env."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.config import CHEAP_MODEL, DEFAULT_MODEL, Settings, load_settings


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "ARCHITECT_MODEL",
        "ARCHITECT_MAX_TOKENS",
        "ARCHITECT_BUDGET",
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults(clean_env: None, tmp_path: Path) -> None:
    """Sonnet by default, haiku as the cheap choice, no temperature sent, 12k budget."""
    settings = load_settings(tmp_path, user_file=tmp_path / "none.toml")
    assert settings.model == DEFAULT_MODEL == "claude-sonnet-5-5"
    assert CHEAP_MODEL == "claude-haiku-5-5"
    assert settings.temperature is None and settings.token_budget == 12_000
    assert not settings.has_credentials and settings.sources == ()


def test_layers_win_in_order(
    clean_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each later layer overrides the earlier ones; typos and bad values are ignored."""
    user = tmp_path / "user.toml"
    user.write_text('model = "from-user"\nmax_tokens = 1000\ntoken_budget = 5000\n')
    (tmp_path / "pyproject.toml").write_text(
        '[tool.architect]\nmodel = "from-pyproject"\nmax-tokens = 2000\nmodle = "typo"\n'
    )
    (tmp_path / ".architect").mkdir()
    (tmp_path / ".architect" / "config.toml").write_text(
        'model = "from-local"\ntemperature = 0.3\nmax_wait = "abc"\n'
    )
    settings = load_settings(tmp_path, user_file=user)
    assert (settings.model, settings.max_tokens, settings.token_budget) == (
        "from-local",
        2000,
        5000,
    )
    assert settings.temperature == 0.3 and settings.max_wait == Settings().max_wait
    assert len(settings.sources) == 3
    monkeypatch.setenv("ARCHITECT_MODEL", CHEAP_MODEL)
    monkeypatch.setenv("ARCHITECT_BUDGET", "4000")
    settings = load_settings(tmp_path, user_file=user)
    assert settings.model == CHEAP_MODEL and settings.token_budget == 4000
    assert settings.sources[-1] == "environment"


def test_credentials_come_from_the_environment_only(
    clean_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key in a config file is not a key; the env one is read at call time."""
    (tmp_path / ".architect").mkdir()
    (tmp_path / ".architect" / "config.toml").write_text('api_key = "sk-ant-in-a-file"\n')
    settings = load_settings(tmp_path, user_file=tmp_path / "none.toml")
    assert settings.api_key is None
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "tok")
    assert settings.has_credentials and settings.auth_token == "tok"
    assert "sk-ant" not in repr(settings)
