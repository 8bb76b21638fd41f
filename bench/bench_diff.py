"""Benchmark the route-level diff (issue 13): two commits of a 1,500-file project, 20 files apart.

Generates the synthetic project of ``bench_map.py`` in a git repository, commits it, changes 20
files (10 blueprint modules: a new route each and an edited view; 10 plain modules: an edited
function) and commits again. Then prints, each measured in a fresh child process with an empty
cache (best of ``--repeat``):

- one cold map of the project (the reference);
- ``architect diff HEAD~1`` cold: the working tree mapped from disk, the base from git objects,
  the facts of the 1,480 unchanged files reused from the first read: target < 1.5x the cold map;
- ``architect diff HEAD~1..HEAD`` cold: both sides from git objects;
- the same diff again with the cache the first run left (warm), for information.

Run: ``.venv/bin/python bench/bench_diff.py`` (a few minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_map import generate  # noqa: E402

CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
root, what = Path(sys.argv[1]), sys.argv[3]
start = time.perf_counter()
if what == "map":
    from architect_tui.analysis import read_project
    project = read_project(root)
    out = {"routes": len(project.routes)}
else:
    from architect_tui.analysis.routediff import diff_change
    from architect_tui.vcs.changeset import open_change
    change = open_change(root, what)
    opened = time.perf_counter() - start
    diff, before, after = diff_change(root, change)
    out = {"files": len(diff.files), "added": len(diff.added), "removed": len(diff.removed),
           "changed": len(diff.changed), "code_changed": len(diff.code_changed),
           "routes_before": len(before.routes), "routes_after": len(after.routes),
           "open": opened}
out["seconds"] = time.perf_counter() - start
print(json.dumps(out))
"""

NEW_ROUTE = '\n\n@bp.get("/added-{n}")\ndef added_{n}():\n    return "new {n}"\n'


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def change_files(root: Path, count: int) -> list[Path]:
    """Edit ``count`` files: half blueprint views (a new route, an edited view), half plain."""
    views = sorted(root.rglob("blueprints/bp*/views.py"))[: count // 2]
    plain = sorted(root.rglob("services/mod_*.py"))[: count - len(views)]
    for n, path in enumerate(views):
        text = path.read_text(encoding="utf-8").replace("abort(404)", "abort(410)", 1)
        path.write_text(text + NEW_ROUTE.format(n=n), encoding="utf-8")
    for path in plain:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("return ", "return 1 + ", 1), encoding="utf-8")
    return views + plain


def child(root: Path, what: str, cache: Path) -> dict[str, float]:
    env = dict(os.environ, ARCHITECT_CACHE_DIR=str(cache))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(ROOT), what],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1500)
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="architect-bench-diff-") as tmp:
        root = Path(tmp) / "project"
        counts = generate(root, args.modules)
        git(root, "init", "-q", "-b", "main")
        git(root, "config", "user.email", "bench@example.com")
        git(root, "config", "user.name", "bench")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "base")
        changed = change_files(root, args.changed)
        git(root, "add", "-A")
        git(root, "commit", "-qm", "twenty files")
        print(
            f"synthetic project: {counts['files']} files, {counts['lines']:,} lines; "
            f"{len(changed)} files changed between the two commits"
        )
        runs: dict[str, list[dict[str, float]]] = {"map": [], "HEAD~1": [], "HEAD~1..HEAD": []}
        warm: list[float] = []
        for i in range(args.repeat):
            for what in runs:
                runs[what].append(child(root, what, Path(tmp) / f"cache-{what}-{i}"))
            warm.append(child(root, "HEAD~1", Path(tmp) / f"cache-HEAD~1-{i}")["seconds"])
        best = {what: min(r["seconds"] for r in rs) for what, rs in runs.items()}
        cold = best["map"]
        last = runs["HEAD~1"][-1]
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"diff found: {last['added']} added, {last['removed']} removed, "
            f"{last['changed']} changed, {last['code_changed']} code changed "
            f"({last['routes_before']} -> {last['routes_after']} routes, {last['files']} files)"
        )
        print(f"cold map (reference):           {cold:6.2f} s")
        print(
            f"diff HEAD~1 (disk vs git), cold: {best['HEAD~1']:6.2f} s  -> "
            f"{best['HEAD~1'] / cold:.2f}x the cold map (target < 1.5)  "
            f"[opening the change set: {min(r['open'] for r in runs['HEAD~1']):.2f} s]"
        )
        print(
            f"diff HEAD~1..HEAD (git vs git):  {best['HEAD~1..HEAD']:6.2f} s  -> "
            f"{best['HEAD~1..HEAD'] / cold:.2f}x the cold map"
        )
        print(f"diff HEAD~1 again (warm cache):  {min(warm):6.2f} s  -> {min(warm) / cold:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
