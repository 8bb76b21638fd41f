"""Score the static map against real Flask on the real-world reproductions.

Shared by ``test_realworld_map.py`` (asserts the issue's targets) and
``bench/bench_realworld.py`` (prints the table and the misses for whoever fixes the reader).

A route is *right* when the reader reports the same ``(rule, methods)`` pair that Flask's
``url_map`` holds; pairs are matched as multisets, so a rule that Flask holds twice must be
reported twice. Endpoints are compared too and listed with the misses, but they do not count
toward recall or precision (the issue's targets are about rules and methods).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ORACLE = HERE / "realworld_oracle.py"
TARGET_RECALL = 0.99
TARGET_PRECISION = 1.0

Key = tuple[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Seen:
    """One route as either side saw it."""

    rule: str
    methods: tuple[str, ...]
    endpoint: str

    @property
    def key(self) -> Key:
        return (self.rule, self.methods)

    def __str__(self) -> str:
        return f"{self.rule} {','.join(self.methods)} ({self.endpoint})"


@dataclass(slots=True)
class Score:
    """One project's comparison: counts plus the routes on each side that found no partner."""

    name: str
    source: str
    oracle: int = 0
    reported: int = 0
    right: int = 0
    endpoint_right: int = 0
    missed: list[Seen] = field(default_factory=list)  # in url_map, not reported
    wrong: list[Seen] = field(default_factory=list)  # reported, not in url_map
    endpoint_mismatches: list[tuple[Seen, Seen]] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def recall(self) -> float:
        return self.right / self.oracle if self.oracle else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.reported if self.reported else 0.0


def load_projects() -> list[dict[str, Any]]:
    """``projects.toml`` entries (name, module, attribute, source)."""
    import tomllib

    with (HERE / "projects.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"])


def run_oracle(python: str = sys.executable) -> dict[str, Any]:
    """Every project's ``url_map``, built by real Flask in one child process."""
    done = subprocess.run(
        [python, str(ORACLE)], capture_output=True, text=True, timeout=300, cwd=HERE, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"oracle failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def static_routes(folder: Path) -> tuple[list[Seen], list[str]]:
    """What the static reader reports for one project folder (no cache), and its diagnostics."""
    from architect_tui.analysis import read_project

    project = read_project(folder, use_cache=False)
    routes = [
        Seen(r.rule, tuple(r.methods), r.endpoint) for r in project.routes if r.endpoint != "static"
    ]
    notes = [f"{d.severity} {d.file}:{d.line} {d.message}" for d in project.diagnostics]
    return routes, notes


def compare(name: str, source: str, truth: list[Seen], got: list[Seen]) -> Score:
    """Multiset match on (rule, methods); leftovers on each side become misses."""
    score = Score(name=name, source=source, oracle=len(truth), reported=len(got))
    want = Counter(s.key for s in truth)
    have = Counter(s.key for s in got)
    score.right = sum((want & have).values())
    score.missed = _leftovers(truth, want - have, got)
    score.wrong = _leftovers(got, have - want, truth)
    by_key: dict[Key, list[str]] = {}
    for seen in got:
        by_key.setdefault(seen.key, []).append(seen.endpoint)
    for seen in truth:
        endpoints = by_key.get(seen.key, [])
        if seen.endpoint in endpoints:
            endpoints.remove(seen.endpoint)
            score.endpoint_right += 1
        elif endpoints:
            score.endpoint_mismatches.append((seen, Seen(seen.rule, seen.methods, endpoints.pop())))
    return score


def _leftovers(side: list[Seen], spare: Counter[Key], other: list[Seen]) -> list[Seen]:
    """The ``spare`` routes of ``side``; for a repeated key, those whose endpoint ``other`` lacks."""
    other_endpoints = {(s.key, s.endpoint) for s in other}
    ranked = sorted(
        enumerate(side),
        key=lambda item: ((item[1].key, item[1].endpoint) in other_endpoints, item[0]),
    )
    picked: list[tuple[int, Seen]] = []
    for index, seen in ranked:
        if spare[seen.key] > 0:
            spare[seen.key] -= 1
            picked.append((index, seen))
    return [seen for _, seen in sorted(picked, key=lambda item: item[0])]


def score_all(oracle: dict[str, Any] | None = None) -> list[Score]:
    """Build every reproduction with Flask (unless ``oracle`` is given), read it statically, compare."""
    if oracle is None:
        oracle = run_oracle()
    scores = []
    for project in load_projects():
        name = project["name"]
        built = oracle.get(name, {"routes": [], "error": "missing from the oracle's output"})
        truth = [Seen(r["rule"], tuple(r["methods"]), r["endpoint"]) for r in built["routes"]]
        try:
            got, notes = static_routes((HERE / project.get("folder", name)).resolve())
        except Exception as exc:  # the reader is under test: report, never hide
            score = compare(name, project["source"], truth, [])
            score.error = f"read_project failed: {type(exc).__name__}: {exc}"
            scores.append(score)
            continue
        score = compare(name, project["source"], truth, got)
        score.diagnostics = notes
        if built["error"]:
            score.error = f"Flask could not build the reproduction:\n{built['error']}"
        scores.append(score)
    return scores


def totals(scores: list[Score]) -> Score:
    """All projects pooled (route-weighted, as the issue measures ~740 routes together)."""
    total = Score(name="overall", source="")
    for s in scores:
        total.oracle += s.oracle
        total.reported += s.reported
        total.right += s.right
        total.endpoint_right += s.endpoint_right
    return total


def table(scores: list[Score]) -> str:
    """The per-project table the bench prints and the test shows on failure."""
    lines = [
        f"{'project':<20} {'oracle':>6} {'found':>6} {'right':>6} {'recall':>7} {'precision':>9} {'endpoint':>8}"
    ]
    for s in [*scores, totals(scores)]:
        lines.append(
            f"{s.name:<20} {s.oracle:>6} {s.reported:>6} {s.right:>6} {s.recall:>7.1%} "
            f"{s.precision:>9.1%} {s.endpoint_right:>8}"
        )
    return "\n".join(lines)


def misses(scores: list[Score], limit: int = 40) -> str:
    """Per project: errors, routes missed, routes reported wrongly, endpoint mismatches."""
    out: list[str] = []
    for s in scores:
        if not (s.error or s.missed or s.wrong or s.endpoint_mismatches):
            continue
        out.append(f"== {s.name} ({s.source})")
        if s.error:
            out.append(f"  ERROR {s.error.strip()}")
        for seen in s.missed[:limit]:
            out.append(f"  missed   {seen}")
        for seen in s.wrong[:limit]:
            out.append(f"  reported {seen}")
        for want, have in s.endpoint_mismatches[:limit]:
            out.append(
                f"  endpoint {want.rule}: Flask {want.endpoint!r}, reported {have.endpoint!r}"
            )
    return "\n".join(out)
