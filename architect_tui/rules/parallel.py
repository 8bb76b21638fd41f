"""A check spread over the machine's cores: each worker reads and judges its share of files.

The work of a check is per file except for one join: a rule looking at one view asks about
the whole project (its blueprint's siblings, the import cycles, the auth hooks). So each
worker (a forked process: it starts with the sources and the map already in memory) parses
its share and sends back that share's facts without their syntax trees; the parent hands
every worker the others' facts; each worker joins them with its own (trees included), runs the
rules on its share and sends back the findings. Trees never cross a process boundary, and
each worker holds only its share of them.

Used for the CI gate (findings without fixes) on projects large enough to pay for the forks;
a check whose fixes are shown (``--format json``) keeps its trees in one process for the
diffs. Workers are forked, so this runs only in a process with one thread (the CLI; the TUI
checks in one process). Where fork is unavailable, or a worker fails, the caller checks in one
process.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from architect_tui.rules.base import Rule, Violation
from architect_tui.rules.engine import (
    CheckResult,
    ParseError,
    active_rules,
    check_file,
    joined,
    long_lived,
    read_files,
    violation_order,
)
from architect_tui.rules.facts import FileFacts, collect_project_facts

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap

# Below this much source text (about 6k lines, a second of checking) two processes save
# little over the cost of forking and exchanging facts.
MIN_CHARACTERS = 200_000


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worth_it(sources: Mapping[str, str], jobs: int) -> bool:
    return jobs > 1 and sum(map(len, sources.values())) >= MIN_CHARACTERS


def split(sources: Mapping[str, str], jobs: int) -> list[list[str]]:
    """``jobs`` shares of about equal text, each in the sources' order (the largest file goes
    to the lightest share first)."""
    shares: list[list[str]] = [[] for _ in range(jobs)]
    weight = [0] * jobs
    for path in sorted(sources, key=lambda p: -len(sources[p])):
        lightest = weight.index(min(weight))
        shares[lightest].append(path)
        weight[lightest] += len(sources[path]) + 1
    order = {path: i for i, path in enumerate(sources)}
    return [sorted(share, key=order.__getitem__) for share in shares if share]


def _fixed_elsewhere(node: object) -> object:
    """Stands for a fix that was found in a worker: the finding has one (the summary counts
    it), but it is computed where the tree is, which only the one-process check offers."""
    raise RuntimeError("this fix was found in another process; check without jobs to apply it")


def _portable(v: Violation) -> Violation:
    return dataclasses.replace(v, node=None, fix=_fixed_elsewhere if v.fix else None)


def _worker(
    conn: Connection,
    sources: Mapping[str, str],
    share: Sequence[str],
    rules: Sequence[type[Rule]],
    wanted: frozenset[str],
) -> None:
    try:
        errors: list[ParseError] = []
        with long_lived():
            parsed = read_files(sources, share, errors)
            conn.send({path: file.facts.without_trees() for path, file in parsed.items()})
            project: ProjectMap | None
            others: dict[str, FileFacts]
            project, others = conn.recv()
            facts = collect_project_facts(joined(sources, parsed, others), project)
            facts.sources = sources
            found: list[Violation] = []
            for path, file in parsed.items():
                if path in wanted:
                    found += check_file(path, sources[path], file, facts, project, rules, errors)
        conn.send(("done", [_portable(v) for v in found], errors))
    except BaseException as exc:  # the parent falls back to one process; never a traceback
        with contextlib.suppress(Exception):
            conn.send(("failed", f"{type(exc).__name__}: {exc}", []))
    finally:
        conn.close()


def check_in_parallel(
    sources: Mapping[str, str],
    *,
    jobs: int,
    project: Callable[[], ProjectMap | None],
    rules: Sequence[type[Rule]] | None = None,
    ignore: Iterable[str] = (),
    only: Iterable[str] | None = None,
    keep_facts: bool = False,
) -> CheckResult | None:
    """``check_sources(..., fixes=False)`` on ``jobs`` processes; None when it cannot run so
    (no fork on this platform, a worker died): the caller then checks in one process.
    ``project`` gives the map: called here while the workers parse, and sent to them.
    ``keep_facts``: the facts the workers read, without trees, in ``read_facts``."""
    if threading.active_count() > 1:
        return None  # forking a threaded process (the TUI) can deadlock: one process then
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform
        return None
    active = active_rules(rules, ignore)
    wanted = frozenset(sources if only is None else only)
    shares = split(sources, jobs)
    workers = []
    try:
        for share in shares:
            mine, theirs = context.Pipe()
            process = context.Process(
                target=_worker,
                args=(theirs, sources, share, active, wanted),
                daemon=True,
            )
            process.start()
            theirs.close()
            workers.append((process, mine))
        known = project()  # the static map, while the workers parse
        facts = [conn.recv() for _, conn in workers]
        if not all(isinstance(share, dict) for share in facts):
            return None  # a worker failed while reading its share
        for i, (_, conn) in enumerate(workers):
            others = {p: f for j, share in enumerate(facts) if j != i for p, f in share.items()}
            conn.send((known, others))
        answers = [conn.recv() for _, conn in workers]
    except (EOFError, OSError):  # a worker was killed (out of memory) or could not start
        return None
    finally:
        for process, conn in workers:
            conn.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    if any(status != "done" for status, _, _ in answers):
        return None
    result = CheckResult(originals=dict(sources), files=len(sources))
    if keep_facts:
        result.read_facts = {path: f for share in facts for path, f in share.items()}
    for _, found, errors in answers:
        result.violations.extend(found)
        result.errors.extend(errors)
    result.violations.sort(key=violation_order)
    # as one process reports them: reading errors in file order, then rules that failed
    order = {path: i for i, path in enumerate(sources)}
    result.errors.sort(key=lambda e: (e.message.startswith("rule "), order.get(e.file, 0)))
    return result
