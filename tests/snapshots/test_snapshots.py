"""SVG snapshots of the main states at 120x40 and 80x24 (sync tests: snap_compare needs them).

Update after an intended change with ``pytest tests/snapshots --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from snap_app import FILES, PROJECT, keys, make_app

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_map(snap_compare, size) -> None:
    """The map filled, the app under the cursor, its factory in the code view."""
    assert snap_compare(make_app(), terminal_size=size, run_before=keys)


@pytest.mark.parametrize("size", SIZES)
def test_route_selected(snap_compare, size) -> None:
    """auth.settings: span marked, details with the missing login_required, size in status."""
    presses = ["down"] * 5
    assert snap_compare(make_app(), terminal_size=size, run_before=partial_keys(*presses))


@pytest.mark.parametrize("size", SIZES)
def test_filter(snap_compare, size) -> None:
    """The filter narrowed to the items routes."""
    presses = ["slash", *"items"]
    assert snap_compare(make_app(), terminal_size=size, run_before=partial_keys(*presses))


@pytest.mark.parametrize("size", SIZES)
def test_files_tree(snap_compare, size) -> None:
    """The files tree with a file selected."""
    presses = ["t", "down", "down", "down", "down"]
    assert snap_compare(make_app(), terminal_size=size, run_before=partial_keys(*presses))


@pytest.mark.parametrize("size", SIZES)
def test_range_marked(snap_compare, size) -> None:
    """Three lines marked with v in the code view."""
    presses = ["down", "down", "tab", "v", "down", "down", "v"]
    assert snap_compare(make_app(), terminal_size=size, run_before=partial_keys(*presses))


@pytest.mark.parametrize("size", SIZES)
def test_empty_state(snap_compare, size) -> None:
    """No Flask app: what was looked for."""
    assert snap_compare(make_app(empty=True), terminal_size=size, run_before=keys)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, size) -> None:
    """The keys screen."""
    assert snap_compare(make_app(), terminal_size=size, run_before=partial_keys("question_mark"))


def test_light_theme(snap_compare) -> None:
    """A route selected under the built-in light theme."""
    assert snap_compare(
        make_app(theme="textual-light"),
        terminal_size=(120, 40),
        run_before=partial_keys(*["down"] * 5),
    )


def test_fixture_project_matches_the_map() -> None:
    """The committed files are the ones the hand-built map describes."""
    for rel, text in FILES.items():
        assert (PROJECT / rel).read_text() == text


def partial_keys(*presses: str):
    """A run_before that settles, presses ``presses`` one by one and settles again."""

    async def run(pilot) -> None:
        await keys(pilot, *presses)

    return run


REVIEW_ANSWER = """## Proposed changes
```diff
--- a/shop/auth.py
+++ b/shop/auth.py
@@ -27,3 +27,4 @@
 @bp.route("/settings", methods=["POST"])
+@login_required
 def settings():
     return "saved"
```
"""


def _project_copy(tmp_path: Path) -> Path:
    """The fixture project in tmp (a review is saved under the project: not in the repo)."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    return root


def test_review_80x24(snap_compare, tmp_path, monkeypatch) -> None:
    """An offline review of auth.settings at 80x24: the review takes the map's column."""
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    app = make_app(root=_project_copy(tmp_path))

    async def run_before(pilot) -> None:
        await keys(pilot, *["down"] * 5)
        # the lens screen waits for the user: no settling (it waits for workers) until it shows
        await pilot.press("R")
        for _ in range(200):
            if type(app.screen).__name__ == "LensScreen":
                break
            await pilot.pause(0.02)
        await pilot.press("enter")
        await keys(pilot)
        app.clear_notifications()  # a toast expires on a timer: not part of the layout

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_changes_80x24(snap_compare, tmp_path) -> None:
    """The changes view at 80x24: one hunk, rows numbered with the file's own lines."""
    from architect_tui.patch import extract_changes, plan
    from architect_tui.ui.changes import ChangesScreen

    root = _project_copy(tmp_path)
    app = make_app(root=root)

    async def run_before(pilot) -> None:
        await keys(pilot)
        the_plan = plan(extract_changes(REVIEW_ANSWER, root), root)
        await app.push_screen(ChangesScreen(the_plan, root, message="settings"))
        await keys(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
