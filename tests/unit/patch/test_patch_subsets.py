"""Issue 11: never leave half a change. An accepted subset that breaks names is refused, and the
plan says which hunk needs which (the offline review of orders.checkout on examples/shop)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from architect_tui.analysis import read_project
from architect_tui.analysis.selection import resolve_target
from architect_tui.cli import main
from architect_tui.config import Settings
from architect_tui.patch import apply, extract_changes, plan
from architect_tui.review.offline import offline_review

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"
VIEWS = "shop/orders/views.py"  # the conftest's ``shop`` fixture holds this file


@pytest.fixture(scope="module")
def checkout_changes(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The offline architect's proposed changes for orders.checkout (import + logger call)."""
    root = tmp_path_factory.mktemp("review") / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", ".architect"))
    project = read_project(root, use_cache=False)
    review = offline_review(project, resolve_target(project, "orders.checkout"), Settings())
    assert "current_app" in review.changes
    return review.changes


def test_plan_says_hunk_2_needs_hunk_1(checkout_changes: str, shop: Path) -> None:
    """Hunk 2 calls current_app.logger; hunk 1 imports current_app: the plan says so."""
    [fp] = plan(extract_changes(checkout_changes, shop), shop).files
    assert [h.needs for h in fp.hunks] == [[], [1]]
    assert "hunk 1" in (fp.hunks[1].needs_reason or "")
    assert fp.hunks[1].to_json()["needs"] == [1] and "needs" not in fp.hunks[0].to_json()


@pytest.mark.parametrize("partial", [False, True])
def test_hunk_2_alone_is_refused_and_names_hunk_1(
    checkout_changes: str, shop: Path, partial: bool
) -> None:
    """Accepting only hunk 2 writes nothing; the reason names the hunk it needs."""
    before = (shop / VIEWS).read_bytes()
    the_plan = plan(extract_changes(checkout_changes, shop), shop)
    report = apply(the_plan, shop, accepted={(VIEWS, 2)}, partial=partial)
    [f] = report.files
    assert f.status == "refused" and report.exit_code == 1 and not report.applied
    assert "hunk 1" in (f.reason or "") and "current_app" in (f.reason or "")
    assert (shop / VIEWS).read_bytes() == before


def test_both_hunks_apply_and_hunk_1_alone_is_fine(checkout_changes: str, shop: Path) -> None:
    """Both or the import alone (an unused import is untidy, not broken): written."""
    the_plan = plan(extract_changes(checkout_changes, shop), shop)
    report = apply(the_plan, shop, accepted={(VIEWS, 1)}, partial=True, dry_run=True)
    assert report.files[0].status == "would_apply" and report.exit_code == 0
    report = apply(the_plan, shop)
    assert report.applied and "current_app.logger" in (shop / VIEWS).read_text()


def test_cli_partial_refuses_the_subset_left_when_hunk_1_fails(
    checkout_changes: str, shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Headless --partial: hunk 1 cannot apply (the import line was edited), so hunk 2 alone
    would break the file: refused, exit 1, nothing written."""
    text = (shop / VIEWS).read_text()
    (shop / VIEWS).write_text(text.replace("import abort, flash,", "import flash, abort,"))
    before = (shop / VIEWS).read_bytes()
    answer = tmp_path / "review.diff"
    answer.write_text(checkout_changes)
    code = main(["apply", str(answer), "--project", str(shop), "--partial", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["applied"] is False
    [f] = report["files"]
    assert f["hunks"][0]["status"] == "failed"
    assert f["status"] == "refused" and "current_app" in f["reason"]
    assert (shop / VIEWS).read_bytes() == before


def test_name_no_hunk_brings_is_a_warning_not_a_needs(tmp_path: Path) -> None:
    """The whole change calls a helper nothing defines (models do): offered with a warning,
    and no hunk is said to need another for it."""
    (tmp_path / "m.py").write_text("def f():\n    return 1\n\n\ndef g():\n    return 2\n")
    text = (
        "```diff\n--- a/m.py\n+++ b/m.py\n@@ -1,2 +1,2 @@\n def f():\n-    return 1\n"
        "+    return jsonify(1)\n@@ -5,2 +5,2 @@\n def g():\n-    return 2\n+    return jsonify(2)\n```\n"
    )
    [fp] = plan(extract_changes(text, tmp_path), tmp_path).files
    assert fp.status == "ready" and any("jsonify" in w for w in fp.warnings)
    assert [h.needs for h in fp.hunks] == [[], []]


def test_result_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    """A stray 'break' parses but never compiles: refused before writing."""
    (tmp_path / "m.py").write_text("def f():\n    return 1\n")
    text = (
        "```diff\n--- a/m.py\n+++ b/m.py\n@@ -1,2 +1,3 @@\n def f():\n     return 1\n+break\n```\n"
    )
    [fp] = plan(extract_changes(text, tmp_path), tmp_path).files
    assert fp.status == "refused" and "outside loop" in (fp.reason or "")


def test_unused_import_left_behind_is_a_warning(tmp_path: Path) -> None:
    """Untidy is not broken: the change is offered, with a warning the report carries."""
    (tmp_path / "m.py").write_text("import os\n\n\ndef f():\n    return os.sep\n")
    text = "```diff\n--- a/m.py\n+++ b/m.py\n@@ -4,2 +4,2 @@\n def f():\n-    return os.sep\n+    return '/'\n```\n"
    the_plan = plan(extract_changes(text, tmp_path), tmp_path)
    [fp] = the_plan.files
    assert fp.status == "ready" and any("os" in w for w in fp.warnings)
