"""Every rule's own VALID and INVALID examples, collected explicitly from the registry."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from architect_tui.rules.base import Example, Rule
from architect_tui.rules.engine import check_sources
from architect_tui.rules.registry import ALL_RULES, RULES_BY_ID


def _cases(kind: str) -> list[tuple[type[Rule], int, Example]]:
    return [
        (rule, index, example)
        for rule in ALL_RULES
        for index, example in enumerate(getattr(rule, kind))
    ]


def _ids(cases: list[tuple[type[Rule], int, Example]]) -> list[str]:
    return [f"{rule.id}-{index}" for rule, index, _ in cases]


VALID_CASES = _cases("VALID")
INVALID_CASES = _cases("INVALID")


@pytest.mark.parametrize(("rule", "index", "example"), VALID_CASES, ids=_ids(VALID_CASES))
def test_valid_example_is_clean(rule: type[Rule], index: int, example: Example) -> None:
    """A VALID example raises nothing from its rule."""
    result = check_sources(example.sources(), rules=[rule])
    assert not result.errors
    assert [v for v in result.violations if v.rule == rule.id] == []


@pytest.mark.parametrize(("rule", "index", "example"), INVALID_CASES, ids=_ids(INVALID_CASES))
def test_invalid_example_is_found_and_fixed(rule: type[Rule], index: int, example: Example) -> None:
    """An INVALID example is reported in its checked file, and fixed exactly as written
    (or left alone when the example expects no fix); every fix result parses."""
    result = check_sources(example.sources(), rules=[rule])
    assert not result.errors
    found = [v for v in result.violations if v.rule == rule.id and v.file == example.path]
    assert found, f"{rule.id} missed its INVALID example {index}"
    fixed = result.fixed.get(example.path)
    assert fixed == example.expected
    for text in result.fixed.values():
        cst.parse_module(text)
        compile(text, example.path, "exec")


def test_every_rule_is_described_and_has_examples() -> None:
    """Each rule carries an id, a known severity and category, a rationale, and both kinds of
    examples; ids are unique."""
    assert len(RULES_BY_ID) == len(ALL_RULES)
    for rule in ALL_RULES:
        assert rule.id.startswith("FLK") and rule.id[3:].isdigit()
        assert rule.severity in {"critical", "high", "medium", "low", "info"}
        assert rule.category in {
            "security",
            "rest",
            "database",
            "errors",
            "structure",
            "performance",
        }
        assert rule.title and len(rule.rationale) > 60
        assert rule.VALID and rule.INVALID


FIXED_CASES = [case for case in INVALID_CASES if case[2].expected is not None]


@pytest.mark.parametrize(("rule", "index", "example"), FIXED_CASES, ids=_ids(FIXED_CASES))
def test_fix_applies_through_the_patch_path(
    rule: type[Rule], index: int, example: Example, tmp_path: Path
) -> None:
    """The fix's diff, written to disk and applied by the patch module, gives the expected
    file byte for byte."""
    from architect_tui.patch import apply, extract_changes, plan

    for rel, text in example.sources().items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    diff = check_sources(example.sources(), rules=[rule]).diff([example.path])
    report = apply(plan(extract_changes(diff, tmp_path), tmp_path), tmp_path)
    assert report.applied, report
    assert (tmp_path / example.path).read_text() == example.expected


@pytest.mark.parametrize(("rule", "index", "example"), FIXED_CASES, ids=_ids(FIXED_CASES))
def test_every_autofix_is_rechecked(rule: type[Rule], index: int, example: Example) -> None:
    """Each fix of the examples, applied, parses and adds no undefined, shadowed or redefined
    name (pyflakes through pycheck.new_problems), and says whether it keeps behaviour."""
    from architect_tui.analysis.pycheck import new_problems

    result = check_sources(example.sources(), rules=[rule])
    assert example.expected is not None
    problems = new_problems(example.sources()[example.path], example.expected, example.path)
    assert [p for p in problems if p.blocking] == []
    kinds = {v.fix_kind for v in result.violations if v.fixed}
    assert kinds == {rule.fix_kind}


def test_behaviour_changing_fixes_are_suggestions() -> None:
    """A status code change (FLK401), a required environment variable (FLK102, FLK103) and a
    new error body format (FLK405) are suggestions: kept out of the review's changes."""
    for rule_id in ("FLK401", "FLK102", "FLK103", "FLK405"):
        assert RULES_BY_ID[rule_id].fix_kind == "suggestion", rule_id
    example = RULES_BY_ID["FLK102"].INVALID[0]
    result = check_sources(example.sources(), rules=[RULES_BY_ID["FLK102"]], fixes=False)
    assert result.diff_for(result.violations) == ""  # autofixes only by default
    assert "os.environ" in result.diff_for(result.violations, "suggestion")


def test_a_fix_never_imports_over_a_name_bound_elsewhere() -> None:
    """``from flask import abort`` is not added where flask_restful's abort is imported: the
    finding stays, without a fix."""
    source = (
        "from flask import request\n"
        "from flask_restful import abort\n"
        "def name():\n"
        "    return request.get_json()['name']\n"
        "def other():\n"
        "    value = request.get_json()['name']\n"
        "    return value\n"
    )
    result = check_sources({"app.py": source}, rules=[RULES_BY_ID["FLK304"]])
    assert result.violations and not result.fixed
    assert "from flask import abort" not in result.diff()
