"""Every flaw planted in examples/shop (REVIEW_NOTES.md) is found by the offline rules."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.engine import CheckResult
from architect_tui.rules.report import rule_of
from tests.unit.rules.conftest import NOTES, SHOP, PlantedFlaw, planted_flaws

TOLERANCE = 3  # lines: a finding on the call when the note points at its argument line


def _found_by(flaw: PlantedFlaw, result: CheckResult) -> list[str]:
    return [
        v.rule
        for v in result.violations
        if v.file == flaw.file
        and rule_of(v).category == flaw.category
        and (abs(v.line - flaw.line) <= TOLERANCE or v.line <= flaw.line <= v.end_line)
    ]


def test_notes_table_is_read() -> None:
    """The notes parser sees every row of the table (ids F01.. in order, no gaps)."""
    flaws = planted_flaws(NOTES)
    assert len(flaws) >= 30
    assert [f.id for f in flaws] == [f"F{i:02d}" for i in range(1, len(flaws) + 1)]


def test_every_planted_flaw_is_found(shop_result: CheckResult) -> None:
    """Each planted flaw has a finding in its file, within a few lines, of its category."""
    missed = [f for f in planted_flaws(NOTES) if not _found_by(f, shop_result)]
    assert missed == [], "missed: " + ", ".join(f"{f.id} {f.file}:{f.line}" for f in missed)


def test_shop_fixes_parse_and_touch_only_flagged_files(shop_result: CheckResult) -> None:
    """Every fixed file still parses, and only files with a fixable finding change."""
    assert shop_result.fixed, "the shop has fixable flaws (debug flag, secrets, SQL, yaml...)"
    flagged = {v.file for v in shop_result.violations if v.fixed}
    assert set(shop_result.fixed) == flagged
    for path, text in shop_result.fixed.items():
        cst.parse_module(text)
        compile(text, path, "exec")
        assert text != (SHOP / path).read_text(encoding="utf-8")
