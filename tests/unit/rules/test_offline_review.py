"""offline_review: the same Review shape as the LLM's, with fixes the apply path takes."""

from __future__ import annotations

import shutil
from pathlib import Path

import libcst as cst
import pytest

from architect_tui.analysis import read_project
from architect_tui.analysis.selection import resolve_target
from architect_tui.config import Settings
from architect_tui.patch import apply, extract_changes, plan
from architect_tui.review.offline import offline_review
from architect_tui.review.parse import parse_answer
from tests.unit.rules.conftest import SHOP


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    if not SHOP.is_dir():
        pytest.skip("examples/shop is not in this checkout")
    root = tmp_path / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", ".architect"))
    return root


def test_route_review_is_local_and_limited_to_the_route(shop: Path) -> None:
    """Reviewing catalog.search yields local findings inside the view only, with rule ids."""
    project = read_project(shop, use_cache=False)
    selection = resolve_target(project, "catalog.search")
    review = offline_review(project, selection, Settings(), "full")
    assert review.source == "local" and review.model == "offline"
    assert review.target == "catalog.search"
    assert {f.rule for f in review.findings} == {"FLK104", "FLK304"}
    for finding in review.findings:
        assert finding.source == "local" and finding.file == "shop/catalog/views.py"
        assert selection.start <= finding.line <= selection.end  # type: ignore[operator]
    assert review.findings[0].severity == "critical"  # most severe first


def test_markdown_parses_back_to_the_same_findings_and_changes(shop: Path) -> None:
    """The answer-format parser reads the offline markdown as it reads the LLM's."""
    project = read_project(shop, use_cache=False)
    review = offline_review(project, resolve_target(project, "shop/config.py"), Settings())
    parsed = parse_answer(review.markdown)
    assert [(f.severity, f.category, f.file, f.line) for f in parsed.findings] == [
        (f.severity, f.category, f.file, f.line) for f in review.findings
    ]
    assert parsed.changes.strip() == review.changes.strip()
    assert review.markdown.startswith("## Summary\n")
    assert "## Findings" in review.markdown and "## Proposed changes" in review.markdown


def test_proposed_changes_apply_through_the_patch_path(shop: Path) -> None:
    """The whole-project review's diff applies hunk for hunk; every changed file parses and the
    flaws it fixed are gone on a second review."""
    project = read_project(shop, use_cache=False)
    review = offline_review(project, None, Settings())
    patch = extract_changes(review.changes, shop)
    the_plan = plan(patch, shop)
    report = apply(the_plan, shop)
    assert report.applied, report
    changed = [f.path for f in report.files if f.status == "applied"]
    assert "shop/config.py" in changed and "wsgi.py" in changed
    for rel in changed:
        cst.parse_module((shop / rel).read_text(encoding="utf-8"))
    again = offline_review(read_project(shop, use_cache=False), None, Settings())
    before = {f.rule for f in review.findings if "automatic fix" in f.detail}
    after = {f.rule for f in again.findings}
    assert before & {"FLK101", "FLK108", "FLK104", "FLK301"}
    assert not after & {"FLK101", "FLK108", "FLK104", "FLK301"}
    assert again.changes == ""


def test_lens_and_ignore_rules_narrow_the_findings(shop: Path) -> None:
    """The security lens keeps security findings; ignore_rules drops rules from the review."""
    project = read_project(shop, use_cache=False)
    selection = resolve_target(project, "shop/config.py")
    security = offline_review(project, selection, Settings(), "security")
    assert security.findings and {f.category for f in security.findings} == {"security"}
    quiet = offline_review(
        project, selection, Settings(ignore_rules=("FLK101", "FLK102", "FLK103")), "full"
    )
    assert {f.rule for f in quiet.findings}.isdisjoint({"FLK101", "FLK102", "FLK103"})


def test_clean_selection_says_none(shop: Path) -> None:
    """A clean file gives 'None.' findings and changes, as the answer format asks."""
    project = read_project(shop, use_cache=False)
    review = offline_review(project, resolve_target(project, "shop/extensions.py"), Settings())
    assert review.findings == [] and review.changes == ""
    assert "## Findings\nNone." in review.markdown
    assert "## Proposed changes\nNone." in review.markdown


def test_local_findings_as_llm_hints(shop: Path) -> None:
    """local_findings gives the selection's findings without fixes; format_hints one line
    each, for the LLM's context."""
    from architect_tui.review.offline import format_hints, local_findings

    project = read_project(shop, use_cache=False)
    findings = local_findings(project, resolve_target(project, "orders.checkout"), Settings())
    assert [f.rule for f in findings] == ["FLK113", "FLK303"]
    hints = format_hints(findings).splitlines()
    assert hints[0].startswith("- [high] FLK113 shop/orders/views.py:43: ")


@pytest.mark.parametrize("endpoint", ["catalog.search", "orders.invoice", "orders.checkout"])
def test_route_review_reads_only_its_scope_and_finds_the_same(shop: Path, endpoint: str) -> None:
    """A route's review parses its file, what it imports and the app's setup, not the whole
    project, and finds exactly what a whole-project check finds inside the route."""
    from architect_tui.rules.engine import check_project
    from architect_tui.rules.scope import scope_files

    project = read_project(shop, use_cache=False)
    selection = resolve_target(project, endpoint)
    scope = scope_files(project, [selection.file])
    assert selection.file in scope and len(scope) < len(project.files)
    review = offline_review(project, selection, Settings(), "full")
    everything = check_project(shop, project=project, fixes=False)
    expected = {
        (v.rule, v.line)
        for v in everything.violations
        if v.file == selection.file and selection.start <= v.line <= selection.end  # type: ignore[operator]
    }
    assert {(f.rule, f.line) for f in review.findings} == expected
    assert expected  # each of these routes has planted flaws


def test_flk304_fix_makes_the_shop_answer_400(shop: Path) -> None:
    """The FLK304 fix of catalog.search, applied through the patch path, turns a missing ?q=
    into a real 400 with the shop's own app (real Flask, test client): its catch-all
    errorhandler(Exception) turned the abort(400) of the old fix into a 500."""
    import subprocess
    import sys

    project = read_project(shop, use_cache=False)
    review = offline_review(
        project, resolve_target(project, "catalog.search"), Settings(), "errors"
    )
    assert [f.rule for f in review.findings] == ["FLK304"]
    report = apply(plan(extract_changes(review.changes, shop), shop), shop)
    assert report.applied, report
    probe = (
        "from shop import create_app\n"
        "app = create_app('testing')\n"
        "client = app.test_client()\n"
        "response = client.get('/catalog/search')\n"
        "print(response.status_code, response.get_data(as_text=True))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=shop, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.startswith("400 missing field 'q'"), done.stdout + done.stderr[-2000:]


def test_scope_of_a_route_stays_in_its_app(tmp_path: Path) -> None:
    """Two copies of the shop as packages of one project: the scope of one copy's route never
    reaches into the other copy (it used to take every app's factory and hooks)."""
    import re

    from architect_tui.rules.scope import scope_files

    for name in ("shop_a", "shop_b"):
        for src in (SHOP / "shop").rglob("*.py"):
            dst = tmp_path / name / src.relative_to(SHOP / "shop")
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(re.sub(r"\bshop\b(?=[.\s])", name, src.read_text()))
    project = read_project(tmp_path, use_cache=False)
    route = next(r for r in project.routes if r.span.file == "shop_a/catalog/views.py")
    scope = scope_files(project, [route.span.file])
    assert {"shop_a/errors.py", "shop_a/__init__.py"} <= set(scope)
    assert not [f for f in scope if f.startswith("shop_b/")], scope
