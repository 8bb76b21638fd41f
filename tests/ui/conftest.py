"""Pilot fixtures: a small Flask project in a tmp dir and an app over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ui_project import RecordingApp, shop_map, write_project

from architect_tui.analysis.model import ProjectMap
from architect_tui.ui.app import ArchitectApp


@pytest.fixture(autouse=True)
def _private_map_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map cache of every app in these tests goes to a tmp dir (outside the projects the
    tests make), never the user's."""
    cache = tmp_path_factory.getbasetemp() / "architect-cache"
    monkeypatch.setenv("ARCHITECT_CACHE_DIR", str(cache))


@pytest.fixture
def shop_root(tmp_path: Path) -> Path:
    return write_project(tmp_path / "shop-project")


@pytest.fixture
def make_app(shop_root: Path) -> Callable[..., ArchitectApp]:
    """An app on ``shop_root`` (or ``root``) reading the hand-built map (or ``reader``)."""

    def make(
        root: Path | None = None,
        reader: Callable[[Path, bool], ProjectMap] | None = None,
        git: str | None = "⎇ main · clean",
    ) -> ArchitectApp:
        return RecordingApp(
            root or shop_root,
            reader=reader or (lambda r, _cache: shop_map(r)),
            git_probe=None if git is None else (lambda _r: git),
            cursor_blink=False,
        )

    return make
