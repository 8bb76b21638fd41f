"""Offline rules vs Bandit on the example shop: who finds each planted flaw, and how fast;
then the same tools on a generated ~100k-line tree.

Run: ``.venv/bin/python bench/bench_rules.py [--runs N] [--copies N]``. Both tools run as the
processes a CI job would start (``architect check --format json``, ``bandit -f json -r``), timed
wall-clock over N runs (best and median); the in-process time of the rule engine alone is
printed too. A flaw counts as found by a tool when it reports the flaw's file within a few
lines (ours must also agree on the category; Bandit has no categories).

The large tree is examples/shop copied ``--copies`` times as packages ``shop_0``..``shop_N``
(about 980 lines each: 100 copies are ~98k lines). On it, each measured command runs once,
cold (a fresh map cache), in its own process, which reports its peak RSS and its largest
worker's: ``architect check`` (one worker per core, and ``--jobs 1``) vs ``bandit -r``, and
``architect review ENDPOINT --offline`` (cold map + review of one route) vs
``architect routes --no-cache`` (the cold map of the whole tree).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.unit.rules.conftest import NOTES, SHOP, PlantedFlaw, planted_flaws  # noqa: E402

TOLERANCE = 3
BANDIT = Path(sys.executable).parent / "bandit"
# Runs a command of ours in this process and reports on stderr its peak RSS and that of the
# largest of its child processes (the check's workers), in KiB (Linux).
_PEAK = (
    "import resource, runpy, sys\n"
    "sys.argv = ['architect', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('architect_tui', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
    "      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)


CPU: dict[str, list[float]] = {}  # CPU seconds (user+sys) per command: steady under load


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], runs: int, label: str = "") -> tuple[str, list[float]]:
    times: list[float] = []
    out = ""
    for _ in range(runs):
        start, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=REPO)
        times.append(time.perf_counter() - start)
        if label:
            CPU.setdefault(label, []).append(_children_cpu() - cpu)
        out = done.stdout
    return out, times


def ours(runs: int) -> tuple[list[dict], list[float]]:
    """Findings from one JSON run (which also computes every fix); timing of the CI gate
    (text output, fixes not computed)."""
    out, _ = timed(
        [sys.executable, "-m", "architect_tui", "check", str(SHOP), "--format", "json"], 1
    )
    _, times = timed([sys.executable, "-m", "architect_tui", "check", str(SHOP)], runs, "ours")
    return json.loads(out)["findings"], times


def bandit(runs: int) -> tuple[list[dict], list[float]]:
    out, times = timed([str(BANDIT), "-q", "-f", "json", "-r", str(SHOP)], runs, "bandit")
    results = json.loads(out)["results"]
    for r in results:
        r["file"] = Path(r["filename"]).resolve().relative_to(SHOP.resolve()).as_posix()
    return results, times


def near(line: int, start: int, end: int | None = None) -> bool:
    return abs(start - line) <= TOLERANCE or (end is not None and start <= line <= end)


def found_by_ours(flaw: PlantedFlaw, findings: list[dict]) -> list[str]:
    return [
        f["rule"]
        for f in findings
        if f["file"] == flaw.file
        and f["category"] == flaw.category
        and near(flaw.line, f["line"], f["end_line"])
    ]


def found_by_bandit(flaw: PlantedFlaw, results: list[dict]) -> list[str]:
    return [
        r["test_id"]
        for r in results
        if r["file"] == flaw.file and near(flaw.line, r["line_number"], None)
    ]


def in_process_seconds(runs: int, fixes: bool) -> list[float]:
    from architect_tui.rules.engine import check_project

    check_project(SHOP, fixes=fixes)  # warm: imports, the map cache
    times = []
    cpu = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        check_project(SHOP, fixes=fixes)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[f"engine fixes={fixes}"] = cpu
    return times


def make_tree(target: Path, copies: int) -> int:
    """examples/shop copied as packages shop_0..shop_{copies-1}; returns the line count."""
    import re
    import shutil

    lines = 0
    pattern = re.compile(r"\bshop\b(?=[.\s])")
    for i in range(copies):
        for src in (SHOP / "shop").rglob("*.py"):
            rel = src.relative_to(SHOP / "shop")
            dst = target / f"shop_{i}" / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            text = pattern.sub(f"shop_{i}", src.read_text())
            dst.write_text(text)
            lines += len(text.splitlines())
        templates = SHOP / "shop" / "templates"
        if templates.is_dir():
            shutil.copytree(templates, target / f"shop_{i}" / "templates", dirs_exist_ok=True)
    return lines


def run_once(
    cmd: list[str], env: dict[str, str]
) -> tuple[float, float, tuple[float, float] | None, str]:
    """Wall seconds, CPU seconds (user+sys of the process and its children), peak RSS in MB
    of the process and of its largest child (ours only: the _PEAK wrapper), stdout."""
    import os

    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        cmd, capture_output=True, text=True, check=False, env={**os.environ, **env}
    )
    wall, used = time.perf_counter() - start, _children_cpu() - cpu
    peak = None
    for line in done.stderr.splitlines():
        if line.startswith("PEAK_KB "):
            _, me, kids = line.split()
            peak = (int(me) / 1024, int(kids) / 1024)
    return wall, used, peak, done.stdout


def large_tree(copies: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-rules-") as tmp:
        tree = Path(tmp) / "tree"
        lines = make_tree(tree, copies)
        files = sum(1 for _ in tree.rglob("*.py"))
        print(f"\ngenerated tree: {copies} copies of examples/shop, {files} files, {lines} lines")
        ours = [sys.executable, "-c", _PEAK]
        results: dict[str, tuple[float, tuple[float, float] | None]] = {}
        for label, cmd in (
            ("architect check (cold)", [*ours, "check", str(tree)]),
            ("architect check -j1 (cold)", [*ours, "check", str(tree), "--jobs", "1"]),
            ("bandit -r (cold)", [str(BANDIT), "-q", "-f", "json", "-r", str(tree)]),
            ("map: routes --no-cache", [*ours, "routes", str(tree), "--json", "--no-cache"]),
            (
                "review one route --offline",
                [
                    *ours,
                    "review",
                    "catalog.search",
                    "--project",
                    str(tree),
                    "--offline",
                    "--format",
                    "json",
                    "--no-save",
                ],
            ),
        ):
            if label.startswith("bandit") and not BANDIT.exists():
                continue
            cache = Path(tmp) / f"cache-{len(results)}"
            wall, used, peak, out = run_once(cmd, {"ARCHITECT_CACHE_DIR": str(cache)})
            results[label] = (wall, peak)
            rss = ""
            if peak is not None:
                rss = f", peak RSS {peak[0]:.0f} MB"
                if peak[1] > 1:
                    rss += f" (+ largest worker {peak[1]:.0f} MB)"
            print(f"  {label:<30} {wall:7.2f} s wall, {used:7.2f} s CPU{rss}")
            if label.startswith("review") and '"findings"' not in out:
                print("    (the review printed no JSON: target not found?)")
        check, bandit = results.get("architect check (cold)"), results.get("bandit -r (cold)")
        if check and bandit:
            print(f"  check / bandit wall time: {check[0] / bandit[0]:.2f}x (target <= 2x)")
        alone = results.get("architect check -j1 (cold)")
        if alone and bandit:
            print(f"  check -j1 / bandit wall time: {alone[0] / bandit[0]:.2f}x (one process)")
        review, cold_map = (
            results.get("review one route --offline"),
            results.get("map: routes --no-cache"),
        )
        if review and cold_map:
            print(f"  review / cold map wall time: {review[0] / cold_map[0]:.2f}x (target <= 2x)")
        peaks = [p for _, p in results.values() if p is not None]
        if peaks:
            alone = max(me for me, _ in peaks)
            worker = max(kid for _, kid in peaks)
            print(
                f"  peak RSS of ours: {alone:.0f} MB in one process, {worker:.0f} MB in the "
                f"largest worker (target < 300 MB)"
            )


def describe(times: list[float]) -> str:
    return f"best {min(times):.2f} s, median {statistics.median(times):.2f} s over {len(times)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--copies", type=int, default=100, help="copies of the shop in the large tree (0: skip)"
    )
    args = parser.parse_args()
    if not NOTES.is_file():
        print(f"no {NOTES}", file=sys.stderr)
        return 2
    flaws = planted_flaws(NOTES)
    our_findings, our_times = ours(args.runs)
    have_bandit = BANDIT.exists()
    bandit_results, bandit_times = bandit(args.runs) if have_bandit else ([], [])
    files = len({p for p in SHOP.rglob("*.py")})
    lines = sum(len(p.read_text().splitlines()) for p in SHOP.rglob("*.py"))

    print(f"examples/shop: {files} Python files, {lines} lines, {len(flaws)} planted flaws\n")
    print(f"{'flaw':<5} {'file:line':<34} {'category':<10} {'ours':<16} bandit")
    ours_hits = bandit_hits = 0
    for flaw in flaws:
        mine = sorted(set(found_by_ours(flaw, our_findings)))
        theirs = sorted(set(found_by_bandit(flaw, bandit_results)))
        ours_hits += bool(mine)
        bandit_hits += bool(theirs)
        print(
            f"{flaw.id:<5} {flaw.file + ':' + str(flaw.line):<34} {flaw.category:<10} "
            f"{','.join(mine) or '-':<16} {','.join(theirs) or '-'}"
        )
    print()
    print(f"found: ours {ours_hits}/{len(flaws)}, bandit {bandit_hits}/{len(flaws)}")
    print(f"findings in total: ours {len(our_findings)}, bandit {len(bandit_results)}")
    print(f"architect check (process, text):   {describe(our_times)}")
    if have_bandit:
        print(f"bandit -r (process, json):         {describe(bandit_times)}")
    else:
        print("bandit: not installed in .venv")
    print(f"engine in-process, findings only:  {describe(in_process_seconds(args.runs, False))}")
    print(f"engine in-process, with all fixes: {describe(in_process_seconds(args.runs, True))}")
    print("CPU seconds (best; wall time above depends on the machine's load):")
    for label, values in CPU.items():
        print(f"  {label:<22} {min(values):.2f} s")
    if args.copies:
        large_tree(args.copies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
