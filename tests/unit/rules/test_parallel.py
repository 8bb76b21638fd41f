"""A check spread over processes reports exactly what one process reports, and falls back to
one process when a worker dies.

The project is the example shop copied into three packages (its whole registration path:
factory, blueprints, hooks), plus a file LibCST cannot parse and one nested too deeply, so
findings, cross-file facts (blueprint siblings, auth hooks, import cycles) and errors all
cross the process boundary.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import libcst as cst
import pytest

from architect_tui.analysis import read_project
from architect_tui.rules import parallel
from architect_tui.rules.base import Rule, Violation
from architect_tui.rules.engine import check_project, check_sources, discover
from architect_tui.rules.registry import ALL_RULES

REPO = Path(__file__).resolve().parents[3]
SHOP = REPO / "examples" / "shop"


def _tree(root: Path, copies: int = 3) -> Path:
    pattern = re.compile(r"\bshop\b(?=[.\s])")
    for i in range(copies):
        for src in (SHOP / "shop").rglob("*.py"):
            dst = root / f"shop_{i}" / src.relative_to(SHOP / "shop")
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(pattern.sub(f"shop_{i}", src.read_text()))
    # a view only the map knows (add_url_rule): its findings need the map in the workers
    with (root / "shop_0" / "orders" / "views.py").open("a") as views:
        views.write(
            "\n\ndef purge_orders():\n    Order.query.delete()\n    db.session.commit()\n"
            '    return "ok"\n\n\nbp.add_url_rule("/purge", view_func=purge_orders)\n'
        )
    (root / "shop_0" / "broken.py").write_text("def f(:\n    pass\n")
    (root / "shop_1" / "deep.py").write_text("x = " + "(" * 3000 + ")" * 3000 + "\n")
    return root


def _key(v: Violation) -> tuple[object, ...]:
    return (
        v.rule,
        v.file,
        v.line,
        v.column,
        v.end_line,
        v.message,
        v.severity,
        v.fix_kind,
        v.fix is not None,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = _tree(tmp_path_factory.mktemp("tree"))
    sources = {p: (root / p).read_text() for p in discover(root)}
    return root, sources


def test_workers_report_what_one_process_reports(
    project: tuple[Path, dict[str, str]],
) -> None:
    root, sources = project
    known = read_project(root, use_cache=False)
    alone = check_sources(sources, project=known, fixes=False)
    spread = parallel.check_in_parallel(sources, jobs=2, project=lambda: known)
    assert spread is not None
    assert len(alone.violations) > 100
    assert {v.rule for v in alone.violations} >= {"FLK112", "FLK101", "FLK402"}  # cross-file
    assert any("purge_orders" in v.message for v in alone.violations)  # from the map
    assert [_key(v) for v in spread.violations] == [_key(v) for v in alone.violations]
    assert [(e.file, e.line, e.message) for e in spread.errors] == [
        (e.file, e.line, e.message) for e in alone.errors
    ]
    assert {e.file for e in spread.errors} == {"shop_0/broken.py", "shop_1/deep.py"}
    assert spread.files == alone.files


def test_only_limits_the_files_reported_in_workers_too(
    project: tuple[Path, dict[str, str]],
) -> None:
    root, sources = project
    known = read_project(root, use_cache=False)
    only = {"shop_2/orders/views.py", "shop_0/catalog/views.py"}
    alone = check_sources(sources, project=known, fixes=False, only=only)
    spread = parallel.check_in_parallel(sources, jobs=3, project=lambda: known, only=only)
    assert spread is not None
    assert {v.file for v in spread.violations} == only
    assert [_key(v) for v in spread.violations] == [_key(v) for v in alone.violations]


class _Dies(Rule):
    """A worker killed mid-check (as the kernel's OOM killer would)."""

    id = "TST001"
    title = "dies"
    severity = "low"
    category = "test"
    rationale = "test"

    def visit_Module(self, node: cst.Module) -> None:
        if "parallel_worker" in os.environ.get("TST_DIE", "") and os.getpid() != int(
            os.environ["TST_PARENT"]
        ):
            os._exit(9)


def test_a_dead_worker_means_one_process_checks(
    project: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, sources = project
    monkeypatch.setenv("TST_DIE", "parallel_worker")
    monkeypatch.setenv("TST_PARENT", str(os.getpid()))
    assert parallel.check_in_parallel(sources, jobs=2, project=lambda: None, rules=[_Dies]) is None

    monkeypatch.setattr(parallel, "MIN_CHARACTERS", 0)
    monkeypatch.setattr("architect_tui.rules.registry.ALL_RULES", [*ALL_RULES, _Dies])
    result = check_project(root, fixes=False, jobs=2)  # falls back: the parent does not die
    expected = check_project(root, fixes=False, jobs=1)
    assert [_key(v) for v in result.violations] == [_key(v) for v in expected.violations]
    assert len(result.violations) > 100


def test_a_threaded_process_is_never_forked(project: tuple[Path, dict[str, str]]) -> None:
    """The TUI runs checks in worker threads; forking then can deadlock."""
    _, sources = project
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert parallel.check_in_parallel(sources, jobs=2, project=lambda: None) is None
    finally:
        release.set()
        other.join()


def test_shares_are_balanced_and_keep_the_order() -> None:
    sources = {f"f{i}.py": "x" * (i * 10) for i in range(1, 21)}
    shares = parallel.split(sources, 3)
    assert sorted(p for share in shares for p in share) == sorted(sources)
    weights = [sum(len(sources[p]) for p in share) for share in shares]
    assert max(weights) - min(weights) <= 200  # the largest file's size
    order = list(sources)
    assert all(share == sorted(share, key=order.index) for share in shares)
    assert parallel.split({"a.py": "x"}, 4) == [["a.py"]]


def test_the_cli_prints_the_same_with_and_without_jobs(tmp_path: Path) -> None:
    root = _tree(tmp_path, copies=7)
    sources = {p: (root / p).read_text() for p in discover(root)}
    assert parallel.worth_it(sources, 2)  # so that --jobs 2 does spread the work
    env = {**os.environ, "ARCHITECT_CACHE_DIR": str(tmp_path / "cache")}

    def run(jobs: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "architect_tui", "check", str(root), "--jobs", jobs],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    one, two = run("1"), run("2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert "findings" in two.stdout.splitlines()[-1]
    assert "Traceback" not in two.stderr
