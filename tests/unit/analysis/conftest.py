"""Shared helpers for the static reader's tests: fixture folders and the Flask oracle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).parent
FIXTURES = HERE.parent.parent / "fixtures" / "flask_apps"
EXAMPLE = HERE.parent.parent.parent / "examples" / "shop"


def oracle_fixtures() -> list[Path]:
    """Fixture folders with a ``wsgi.py``: real Flask can import them, so they have an oracle."""
    return sorted(p for p in FIXTURES.iterdir() if (p / "wsgi.py").is_file())


def run_oracle(folders: list[Path]) -> dict[str, dict[str, object]]:
    """Import each folder's wsgi.py with real Flask in ONE fresh interpreter; url_maps as JSON."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    with tempfile.TemporaryDirectory() as tmp:
        out_file = Path(tmp) / "oracle.json"
        subprocess.run(
            [sys.executable, str(HERE / "oracle_dump.py"), str(out_file), *map(str, folders)],
            capture_output=True,
            check=True,
            env=env,
            cwd=tmp,
            timeout=120,
        )
        return json.loads(out_file.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's cache dir from tests."""
    monkeypatch.setenv(
        "ARCHITECT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "architect-cache")
    )


@pytest.fixture(scope="session")
def oracle() -> dict[str, dict[str, object]]:
    return run_oracle(oracle_fixtures())
