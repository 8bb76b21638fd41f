"""Review tests: the local Anthropic server fixtures and a small Flask project on disk."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[3]
if str(_ROOT) not in sys.path:  # until tests/conftest.py loads tests.support.fixtures
    sys.path.insert(0, str(_ROOT))

from architect_tui.analysis.model import ProjectMap  # noqa: E402
from tests.support.fixtures import anthropic_server, llm_env, no_llm_env  # noqa: E402,F401
from tests.unit.review.shop_project import write_project  # noqa: E402


@pytest.fixture
def shop(tmp_path: Path) -> ProjectMap:
    """The shop project written to a tmp dir, with its hand-made map."""
    return write_project(tmp_path / "shop-project")
