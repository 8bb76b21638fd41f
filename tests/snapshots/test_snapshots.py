"""SVG snapshots of the main states at 120x40 and 80x24 (sync tests: snap_compare needs them).

Update after an intended change with ``pytest tests/snapshots --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

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
