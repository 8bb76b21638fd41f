"""A check spread over processes reports exactly what one process reports, and falls back to
one process when a worker dies.

The project is the example shop copied into three packages (its whole registration path:
factory, blueprints, hooks), plus a file LibCST cannot parse and one nested too deeply, so
findings, cross-file facts (blueprint siblings, auth hooks, import cycles) and errors all
cross the process boundary.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from architect_tui.rules import parallel
from architect_tui.rules.engine import discover

REPO = Path(__file__).resolve().parents[3]
SHOP = REPO / "examples" / "shop"
CHILD = Path(__file__).with_name("parallel_child.py")


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


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = _tree(tmp_path_factory.mktemp("tree"))
    sources = {p: (root / p).read_text() for p in discover(root)}
    return root, sources


def _in_child(mode: str, root: Path, cache: Path | None = None) -> dict[str, Any]:
    """parallel_child.py in a fresh interpreter (one thread: workers may be forked)."""
    env = {**os.environ}
    if cache is not None:
        env["ARCHITECT_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, str(CHILD), mode, str(root)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def test_workers_report_what_one_process_reports(project: tuple[Path, dict[str, str]]) -> None:
    answer = _in_child("same", project[0])
    alone, spread = answer["alone"], answer["spread"]
    assert spread is not None  # the workers did run
    rules = {v[0] for v in alone["violations"]}
    assert len(alone["violations"]) > 100
    assert rules >= {"FLK112", "FLK101", "FLK402"}  # cross-file facts
    assert any("purge_orders" in v[5] for v in alone["violations"])  # a view only the map knows
    assert spread == alone
    assert {e[0] for e in spread["errors"]} == {"shop_0/broken.py", "shop_1/deep.py"}


def test_only_limits_the_files_reported_in_workers_too(
    project: tuple[Path, dict[str, str]],
) -> None:
    answer = _in_child("only", project[0])
    alone, spread = answer["alone"], answer["spread"]
    assert spread is not None
    assert {v[1] for v in spread["violations"]} == {
        "shop_2/orders/views.py",
        "shop_0/catalog/views.py",
    }
    assert spread == alone


def test_a_dead_worker_means_one_process_checks(project: tuple[Path, dict[str, str]]) -> None:
    answer = _in_child("dies", project[0])  # the child asserts the workers gave no result
    assert answer["spread"] == answer["alone"]  # the fallback: the parent checked alone
    assert len(answer["alone"]["violations"]) > 100


def test_a_scoped_check_on_workers_stores_facts_for_the_next(
    project: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """``check --changed-since`` in CI is cold: workers read everything and their facts are
    stored, so the next scoped check parses only the files it judges."""
    answer = _in_child("cache", project[0], tmp_path / "cache")
    assert answer["read_cold"] > 50
    assert answer["read_warm"] == ["shop_0/catalog/views.py", "shop_2/orders/views.py"]
    assert answer["spread"] == answer["again"] == answer["alone"]


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
