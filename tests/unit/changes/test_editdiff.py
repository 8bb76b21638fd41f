"""What an apply did to the routes: its checkpoint's before/after bytes against the disk,
checked against real Flask's url_map before and after (git repo and plain folder alike)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from architect_tui.analysis.editdiff import diff_edits, summary
from architect_tui.patch import apply, extract_changes, plan
from architect_tui.vcs import list_checkpoints

from .conftest import SHOP, flask_rules, make_repo, write


def fenced(path: str, old: str, new: str) -> str:
    """A review's proposed change: the unified diff of ``old`` -> ``new`` in a diff fence."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "```diff\n" + "".join(lines) + "```\n"


SERVICES = SHOP["shop/services.py"]
#: A refactor that keeps the routes (a constant extracted) and one that changes methods.
REFACTOR = fenced(
    "shop/services.py",
    SERVICES,
    "RATE = 0.2\n\n\n" + SERVICES.replace("amount * 0.2", "amount * RATE"),
)
METHODS = fenced(
    "shop/orders.py",
    SHOP["shop/orders.py"],
    SHOP["shop/orders.py"].replace('["GET", "DELETE"]', '["GET", "PUT"]'),
)
CATALOG = SHOP["shop/catalog/__init__.py"]
EXTRA = 'from shop.catalog import bp\n\n\n@bp.get("/extra")\ndef extra():\n    return "x"\n'
CREATE = (
    "```diff\n--- /dev/null\n+++ b/shop/catalog/extra.py\n"
    f"@@ -0,0 +1,{EXTRA.count(chr(10))} @@\n"
    + "".join(f"+{line}" for line in EXTRA.splitlines(keepends=True))
    + "```\n"
)


def run_apply(root: Path, text: str) -> list:  # type: ignore[type-arg]
    report = apply(plan(extract_changes(text, root), root), root)
    assert report.applied, report
    (latest,) = [c for c in list_checkpoints(root) if c.id == report.checkpoint]
    return latest.files


@pytest.fixture(params=["git", "folder"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "git":
        return make_repo(tmp_path / "shop")
    root = tmp_path / "plain"
    write(root, dict(SHOP))  # type: ignore[arg-type]
    return root


def test_a_refactor_keeps_the_routes(project: Path) -> None:
    """The apply moved a constant: no route changed; the view calling price() is code-changed."""
    before = flask_rules(project)
    diff = diff_edits(project, run_apply(project, REFACTOR))
    assert flask_rules(project) == before
    assert not diff.added and not diff.removed and not diff.changed
    assert [c.route.endpoint for c in diff.code_changed] == ["catalog.item"]
    assert summary(diff) == "routes unchanged (1 with changed code)"
    assert diff.files == ["shop/services.py"]


def test_an_apply_that_changes_methods_says_so(project: Path) -> None:
    """Methods changed by the apply, exactly as Flask sees them."""
    before = flask_rules(project)
    diff = diff_edits(project, run_apply(project, METHODS))
    after = flask_rules(project)
    (change,) = diff.changed
    assert (change.before.rule, change.before.methods, change.before.endpoint) in before - after
    assert (change.after.rule, change.after.methods, change.after.endpoint) in after - before
    assert summary(diff) == "routes: 1 changed (orders.order: methods)"


def test_a_created_file_with_a_route(tmp_path: Path) -> None:
    """A new module (created by the apply) that registers a route is an added route."""
    root = make_repo(tmp_path / "shop")
    text = CREATE + fenced(
        "shop/catalog/__init__.py", CATALOG, CATALOG.replace("import views", "import extra, views")
    )
    before = flask_rules(root)
    diff = diff_edits(root, run_apply(root, text))
    assert {(r.rule, r.methods, r.endpoint) for r in diff.added} == flask_rules(root) - before
