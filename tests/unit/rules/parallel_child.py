"""Run by test_parallel.py in a fresh interpreter.

A check is spread over forked workers only from a process with one thread, and the pytest
process has run servers and Textual apps by then. This script checks the tree it is given in
one process and with workers, and prints both outcomes as JSON.

Usage: ``python parallel_child.py MODE ROOT`` with MODE ``same``, ``only``, ``dies`` or
``cache``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import libcst as cst

from architect_tui.analysis import read_project
from architect_tui.rules import parallel
from architect_tui.rules.base import Rule, Violation
from architect_tui.rules.engine import CheckResult, check_project, check_sources, discover
from architect_tui.rules.registry import ALL_RULES

ONLY = ["shop_2/orders/views.py", "shop_0/catalog/views.py"]
PARENT = os.getpid()


class Dies(Rule):
    """Kills a worker mid-check, as the kernel's OOM killer would; never the parent."""

    id = "TST001"
    title = "dies"
    severity = "low"
    category = "test"
    rationale = "test"

    def visit_Module(self, node: cst.Module) -> None:
        if os.getpid() != PARENT:
            os._exit(9)


def key(v: Violation) -> list[object]:
    return [
        v.rule,
        v.file,
        v.line,
        v.column,
        v.end_line,
        v.message,
        v.severity,
        v.fix_kind,
        v.fix is not None,
    ]


def outcome(result: CheckResult | None) -> dict[str, object] | None:
    if result is None:
        return None
    return {
        "violations": [key(v) for v in result.violations],
        "errors": [[e.file, e.line, e.message] for e in result.errors],
        "files": result.files,
    }


def main() -> None:
    mode, root = sys.argv[1], Path(sys.argv[2])
    sources = {p: (root / p).read_text() for p in discover(root)}
    known = read_project(root, use_cache=False)
    if mode == "same":
        alone = check_sources(sources, project=known, fixes=False)
        spread = parallel.check_in_parallel(sources, jobs=2, project=lambda: known)
    elif mode == "only":
        alone = check_sources(sources, project=known, fixes=False, only=ONLY)
        spread = parallel.check_in_parallel(sources, jobs=3, project=lambda: known, only=ONLY)
    elif mode == "cache":  # a cold scoped check on workers stores the facts they read
        parallel.MIN_CHARACTERS = 0
        spread = check_project(root, fixes=False, jobs=2, only=ONLY)
        again = check_project(root, fixes=False, jobs=2, only=ONLY)  # warm: one process
        alone = check_project(root, fixes=False, jobs=1, only=ONLY, use_cache=False)
        print(
            json.dumps(
                {
                    "alone": outcome(alone),
                    "spread": outcome(spread),
                    "again": outcome(again),
                    "read_cold": len(spread.read_facts),
                    "read_warm": sorted(again.read_facts),
                }
            )
        )
        return
    else:  # dies: no result from workers, then check_project falls back to one process
        dead = parallel.check_in_parallel(sources, jobs=2, project=lambda: None, rules=[Dies])
        assert dead is None, "a dead worker must mean no parallel result"
        parallel.MIN_CHARACTERS = 0
        import architect_tui.rules.registry as registry

        registry.ALL_RULES = [*ALL_RULES, Dies]
        spread = check_project(root, fixes=False, jobs=2)
        registry.ALL_RULES = list(ALL_RULES)
        alone = check_project(root, fixes=False, jobs=1)
    print(json.dumps({"alone": outcome(alone), "spread": outcome(spread)}))


if __name__ == "__main__":
    main()
