"""Offline rules vs Bandit on the example shop: who finds each planted flaw, and how fast.

Run: ``.venv/bin/python bench/bench_rules.py [--runs N]``. Both tools run as the processes a
CI job would start (``architect check --format json``, ``bandit -f json -r``), timed wall-clock
over N runs (best and median); the in-process time of the rule engine alone is printed too.
A flaw counts as found by a tool when it reports the flaw's file within a few lines (ours must
also agree on the category; Bandit has no categories).
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
BANDIT = REPO / ".venv" / "bin" / "bandit"


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


def describe(times: list[float]) -> str:
    return f"best {min(times):.2f} s, median {statistics.median(times):.2f} s over {len(times)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
