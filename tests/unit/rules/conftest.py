"""Shared fixtures: the example shop checked once per test session (it is the slow part)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from architect_tui.rules.engine import CheckResult, check_project

REPO = Path(__file__).resolve().parents[3]
SHOP = REPO / "examples" / "shop"
NOTES = SHOP / "REVIEW_NOTES.md"
_ROW = re.compile(
    r"^\|\s*(?P<id>F\d+)\s*\|\s*`(?P<file>[^`]+)`\s*\|\s*(?P<line>\d+)\s*\|\s*(?P<category>\w+)"
    r"\s*\|\s*(?P<severity>\w+)\s*\|"
)


@dataclass(frozen=True, slots=True)
class PlantedFlaw:
    id: str
    file: str
    line: int
    category: str
    severity: str


def planted_flaws(notes: Path = NOTES) -> list[PlantedFlaw]:
    """The rows of the example project's REVIEW_NOTES.md table."""
    flaws = []
    for line in notes.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m:
            flaws.append(
                PlantedFlaw(m["id"], m["file"], int(m["line"]), m["category"], m["severity"])
            )
    return flaws


@pytest.fixture(scope="session")
def shop_result() -> CheckResult:
    if not NOTES.is_file():
        pytest.skip("examples/shop is not in this checkout")
    return check_project(SHOP)
