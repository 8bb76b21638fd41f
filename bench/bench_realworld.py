"""Print how the static map does on the real-world reproductions (tests/realworld/).

For each project: the routes Flask's url_map holds (oracle), the routes the reader reports
(found), how many of those are right on (rule, methods), recall, precision and right endpoints;
then every miss, so the reader's author can see what to fix. Not a test: it never fails on the
figures (``tests/realworld/test_realworld_map.py`` asserts the issue's targets).

    .venv/bin/python bench/bench_realworld.py [--limit N] [--diagnostics] [--project NAME]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "realworld"))
sys.path.insert(0, str(ROOT))

import realworld_harness as harness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="misses shown per project and kind")
    parser.add_argument("--diagnostics", action="store_true", help="also print the diagnostics")
    parser.add_argument("--project", action="append", help="only these projects (repeatable)")
    args = parser.parse_args()
    started = time.perf_counter()
    scores = harness.score_all()
    if args.project:
        unknown = set(args.project) - {s.name for s in scores}
        if unknown:
            parser.error(f"unknown project(s): {', '.join(sorted(unknown))}")
        scores = [s for s in scores if s.name in args.project]
    elapsed = time.perf_counter() - started
    print(harness.table(scores))
    total = harness.totals(scores)
    print(
        f"\ntargets: recall >= {harness.TARGET_RECALL:.0%} "
        f"({'met' if total.recall >= harness.TARGET_RECALL else 'MISSED'}), "
        f"precision >= {harness.TARGET_PRECISION:.0%} "
        f"({'met' if total.precision >= harness.TARGET_PRECISION else 'MISSED'}); "
        f"oracle + reader took {elapsed:.1f}s\n"
    )
    print(harness.misses(scores, limit=args.limit))
    if args.diagnostics:
        for s in scores:
            if s.diagnostics:
                print(f"\n== {s.name} diagnostics")
                print("\n".join(f"  {d}" for d in s.diagnostics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
