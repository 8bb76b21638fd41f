"""Shared fixtures of the patch tests: the example shop's orders views, alone in a project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"
VIEWS = "shop/orders/views.py"


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A project holding only examples/shop's shop/orders/views.py (matching reads no more)."""
    root = tmp_path / "shop"
    (root / "shop" / "orders").mkdir(parents=True)
    shutil.copy(SHOP / VIEWS, root / VIEWS)
    return root
