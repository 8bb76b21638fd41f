"""Issue 11: never apply the same change twice (the ownership-check repro, plan and CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from architect_tui.cli import main
from architect_tui.patch import apply, extract_changes, plan

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"
VIEWS = "shop/orders/views.py"  # the conftest's ``shop`` fixture holds this file
# the model's hunk: 4 context lines before, 1 after, its @@ numbers 3 lines off
GUARD = """```diff
--- a/shop/orders/views.py
+++ b/shop/orders/views.py
@@ -59,6 +59,8 @@
 @bp.get("/<int:order_id>")
 @login_required
 def order_detail(order_id: int):
     order = db.get_or_404(Order, order_id)
+    if order.user_id != g.user.id:
+        abort(403)
     return render_template("orders/detail.html", order=order)
```
"""


def test_guard_applied_then_planned_again_is_already_applied(shop: Path) -> None:
    """Second plan: the hunk is already applied (not 'approximate 0.83'), nothing to accept."""
    first = apply(plan(extract_changes(GUARD, shop), shop), shop)
    assert first.applied and first.files[0].hunks[0].status == "offset"
    once = (shop / VIEWS).read_bytes()
    assert once.count(b"abort(403)") == (SHOP / VIEWS).read_bytes().count(b"abort(403)") + 1
    again = plan(extract_changes(GUARD, shop), shop)
    [fp] = again.files
    [hunk] = fp.hunks
    assert (hunk.status, hunk.line, hunk.actionable) == ("already_applied", 62, False)
    assert fp.status == "unchanged" and fp.new_bytes == once
    assert again.applicable() == set()
    report = apply(again, shop)
    assert (report.applied, report.exit_code) == (False, 0)
    assert (shop / VIEWS).read_bytes() == once


def test_accepting_an_already_applied_hunk_writes_nothing(shop: Path) -> None:
    """A caller that accepts the hunk anyway (an old TUI key) still cannot write it twice."""
    apply(plan(extract_changes(GUARD, shop), shop), shop)
    once = (shop / VIEWS).read_bytes()
    report = apply(plan(extract_changes(GUARD, shop), shop), shop, accepted={(VIEWS, 1)})
    assert not report.applied and (shop / VIEWS).read_bytes() == once


def test_cli_apply_twice_reports_already_applied_exit_0(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`architect apply` twice: the second run says already_applied, exits 0, writes nothing."""
    answer = tmp_path / "review.md"
    answer.write_text(GUARD)
    argv = ["apply", str(answer), "--project", str(shop), "--json"]
    assert main(argv) == 0
    capsys.readouterr()
    once = (shop / VIEWS).read_bytes()
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["applied"] is False and report["checkpoint"] is None
    [f] = report["files"]
    assert f["status"] == "unchanged"
    assert [h["status"] for h in f["hunks"]] == ["already_applied"]
    assert (shop / VIEWS).read_bytes() == once


def test_hunk_adding_after_its_context_is_not_written_again(tmp_path: Path) -> None:
    """No trailing context: the old side is still in the file once applied, inside the new."""
    (tmp_path / "m.py").write_text("def f():\n    x = 1\n")
    text = "```diff\n--- a/m.py\n+++ b/m.py\n@@ -1,2 +1,3 @@\n def f():\n     x = 1\n+    return x\n```\n"
    apply(plan(extract_changes(text, tmp_path), tmp_path), tmp_path)
    assert (tmp_path / "m.py").read_text() == "def f():\n    x = 1\n    return x\n"
    [hunk] = plan(extract_changes(text, tmp_path), tmp_path).files[0].hunks
    assert hunk.status == "already_applied"


def test_removal_hunk_whose_lines_are_there_still_applies(tmp_path: Path) -> None:
    """Its new side next to it in the file is no proof: the removed lines are right there."""
    (tmp_path / "m.py").write_text("a = 1\nb = 2\na = 1\nc = 3\n")
    text = "```diff\n--- a/m.py\n+++ b/m.py\n@@ -2,3 +2,2 @@\n b = 2\n-a = 1\n c = 3\n```\n"
    [hunk] = plan(extract_changes(text, tmp_path), tmp_path).files[0].hunks
    assert hunk.status == "exact"
