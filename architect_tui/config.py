"""Settings, merged from the places a user expects, later ones winning.

1. built-in defaults
2. the user config file (``<user config dir>/architect-tui/config.toml``)
3. the project's ``pyproject.toml`` ``[tool.architect]`` table
4. the project's ``.architect/config.toml``
5. the environment (``ARCHITECT_MODEL``, ``ARCHITECT_MAX_TOKENS``, ``ARCHITECT_BUDGET``)

Keys are the field names of ``Settings`` (``model``, ``max_tokens``, ``temperature``,
``token_budget``, ``max_retries``, ``max_wait``, ``timeout``, ``deadline``, ``offline``, ``verify``,
``verify_timeout``, ``verify_rounds``, ...); dashes work too.

The API key is read from the environment only, at call time, and never stored in ``Settings``'s
serialised form: a key must never end up in a saved review or a config file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "claude-sonnet-5-5"
CHEAP_MODEL = "claude-haiku-5-5"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    max_tokens: int = 8192
    # None: not sent. API version 2026-10-21 (what anthropic 2.x sends) rejects any sampling
    # parameter with a 400, so a temperature is only for endpoints that still take one
    # (a local server, a proxy); it then goes in the request body as ``temperature``.
    temperature: float | None = None
    token_budget: int = 12_000  # context budget for related code, in estimated tokens
    max_retries: int = 2  # our own, visible retries for 429/529/5xx/connection (the SDK's: 0)
    max_wait: float = 60.0  # longest retry-after we wait out; a longer one fails with a message
    timeout: float = 120.0  # per read: a server silent this long has failed
    # The whole review (waits, retries and the stream): a server that drips a chunk every few
    # seconds passes every per-read timeout, so this is what ends it.
    deadline: float = 600.0
    offline: bool = False  # force the offline architect even when a key is set
    ignore_rules: tuple[str, ...] = ()  # offline rule ids silenced for this project
    fail_on: str = "high"  # architect check's default gate
    verify: str | None = None  # the command that checks the project after an apply (shell)
    verify_timeout: float = 600.0  # seconds for the whole verification, then it is stopped
    verify_rounds: int = 3  # failed checks sent back to the architect for a fix, per review
    sources: tuple[str, ...] = field(default=(), compare=False)  # files that contributed

    @property
    def api_key(self) -> str | None:
        return os.environ.get("ANTHROPIC_API_KEY") or None

    @property
    def auth_token(self) -> str | None:
        return os.environ.get("ANTHROPIC_AUTH_TOKEN") or None

    @property
    def base_url(self) -> str | None:
        return os.environ.get("ANTHROPIC_BASE_URL") or None

    @property
    def has_credentials(self) -> bool:
        return bool(self.api_key or self.auth_token)


def user_config_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("architect-tui")) / "config.toml"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    """Keep known keys with sensible types; ignore the rest rather than fail on a typo."""
    known = {f.name: f for f in fields(Settings)}
    out: dict[str, Any] = {}
    for raw_key, value in values.items():
        key = raw_key.replace("-", "_")
        if key not in known or key == "sources":
            continue
        try:
            if key in {"max_tokens", "token_budget", "max_retries", "verify_rounds"}:
                out[key] = int(value)
            elif key == "verify":
                out[key] = str(value) if value not in (None, "", False) else None
            elif key == "temperature":
                out[key] = None if value in (None, "", "none") else float(value)
            elif key in {"timeout", "max_wait", "verify_timeout", "deadline"}:
                out[key] = float(value)
            elif key == "offline":
                out[key] = (
                    value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
                )
            elif key == "ignore_rules":
                out[key] = tuple(
                    str(v) for v in (value if isinstance(value, list | tuple) else [value])
                )
            else:
                out[key] = str(value)
        except (TypeError, ValueError):
            continue
    return out


def load_settings(project_root: Path | None = None, *, user_file: Path | None = None) -> Settings:
    settings = Settings()
    sources: list[str] = []
    layers: list[tuple[Path, dict[str, Any]]] = []
    user = user_file if user_file is not None else user_config_file()
    layers.append((user, _read_toml(user)))
    if project_root is not None:
        pyproject = project_root / "pyproject.toml"
        layers.append((pyproject, _read_toml(pyproject).get("tool", {}).get("architect", {})))
        local = project_root / ".architect" / "config.toml"
        layers.append((local, _read_toml(local)))
    for path, values in layers:
        coerced = _coerce(values) if isinstance(values, dict) else {}
        if coerced:
            settings = replace(settings, **coerced)
            sources.append(str(path))
    env = {
        "model": os.environ.get("ARCHITECT_MODEL"),
        "max_tokens": os.environ.get("ARCHITECT_MAX_TOKENS"),
        "token_budget": os.environ.get("ARCHITECT_BUDGET"),
    }
    env_values = _coerce({k: v for k, v in env.items() if v})
    if env_values:
        settings = replace(settings, **env_values)
        sources.append("environment")
    return replace(settings, sources=tuple(sources))
