"""Flask is the oracle: the static map must equal the url_map real Flask builds, per pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.analysis import read_project

from .conftest import EXAMPLE, oracle_fixtures, run_oracle


def _static(folder: Path) -> set[tuple[str, tuple[str, ...], str]]:
    project = read_project(folder, use_cache=False)
    return {(r.rule, r.methods, r.endpoint) for r in project.routes}


def _real(entry: dict[str, object]) -> set[tuple[str, tuple[str, ...], str]]:
    assert entry["error"] is None, entry["error"]
    return {(rule, tuple(methods), endpoint) for rule, methods, endpoint in entry["rules"]}  # type: ignore[union-attr]


@pytest.mark.parametrize("folder", oracle_fixtures(), ids=lambda p: p.name)
def test_static_map_equals_flask_url_map(
    folder: Path, oracle: dict[str, dict[str, object]]
) -> None:
    """Every (rule, methods, endpoint) Flask builds is found statically, and nothing else."""
    real = _real(oracle[str(folder)])
    static = _static(folder)
    assert real, "the fixture must define routes"
    assert sorted(static - real) == [], "reported but not in Flask's url_map"
    assert sorted(real - static) == [], "in Flask's url_map but not found"


def test_example_project_matches_flask() -> None:
    """The example shop's map equals its url_map (skipped until the example lands)."""
    if not (EXAMPLE / "wsgi.py").is_file():
        pytest.skip("examples/shop/wsgi.py not there yet")
    real = _real(run_oracle([EXAMPLE])[str(EXAMPLE)])
    static = _static(EXAMPLE)
    assert sorted(static - real) == []
    assert sorted(real - static) == []
