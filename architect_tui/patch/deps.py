"""Which hunks of a file need which others: an accepted subset must not leave half a change.

A review's hunks are offered one by one, but one idea often spans several: hunk 1 imports
``current_app``, hunk 2 calls ``current_app.logger``. Taking hunk 2 alone parses fine and fails
at run time. The shared validator (:mod:`architect_tui.analysis.pycheck`) says what a result
*adds* that the file did not have; this module turns that into "hunk 2 needs hunk 1", for the
plan (so a front door can offer "take both or neither") and for the write (so a subset that
breaks names is refused, whoever asked for it).
"""

from __future__ import annotations

import re

from architect_tui.analysis.pycheck import CodeProblem, new_problems
from architect_tui.patch.compute import run_hunks
from architect_tui.patch.model import FilePatch, Hunk
from architect_tui.vcs.textfile import TextFile

#: Files with more changing hunks than this get no ``needs`` in the plan (one probe per hunk
#: would cost a check of the whole file each); the check when writing a subset still holds.
PROBE_LIMIT = 12
#: Nor do files longer than this (characters): the same cost, per probe.
PROBE_CHARS = 400_000


def is_python(path: str) -> bool:
    return path.endswith((".py", ".pyi"))


def introduced(path: str, before: str | None, after: str) -> list[CodeProblem]:
    """What ``after`` breaks that ``before`` did not (guarded: never crashes on deep nesting);
    nothing for a file that is not Python."""
    if not is_python(path):
        return []
    return new_problems(before, after, path)


def mentions(hunk: Hunk, name: str) -> bool:
    """Whether the hunk's added lines use ``name`` as a word (``current_app.logger`` uses it)."""
    word = re.compile(rf"(?<![\w.]){re.escape(name)}\b")
    return any(ln.startswith("+") and word.search(ln[1:]) for ln in hunk.lines)


def hunk_needs(fp: FilePatch, tf: TextFile, indices: set[int]) -> dict[int, list[int]]:
    """For each hunk in ``indices`` (1-based), the other hunks it cannot go without.

    Hunk ``j`` is left out in turn; a blocking problem with a name that appears only then (an
    undefined name) is pinned on the hunks whose added lines use that name: they need ``j``.
    """
    needs: dict[int, set[int]] = {i: set() for i in indices}
    if len(indices) < 2 or len(indices) > PROBE_LIMIT or len(tf.text) > PROBE_CHARS:
        return {}
    by_index = dict(enumerate(fp.hunks, start=1))
    before = tf.text
    for j in sorted(indices):
        rest = indices - {j}
        result = run_hunks(fp, tf, rest)
        if result.text_file is None or any(not h.ok for h in result.hunks):
            continue
        for problem in introduced(fp.path, before, result.text_file.text):
            if not (problem.blocking and problem.name):
                continue
            for i in rest:
                if mentions(by_index[i], problem.name):
                    needs[i].add(j)
    return {i: sorted(js) for i, js in needs.items() if js}


def subset_refusal(
    problems: list[CodeProblem], accepted: set[int], hunks: list[Hunk]
) -> str | None:
    """Why the accepted hunks cannot be written without the others (None when they can).

    Names the hunk left out whose added lines bring the missing name, so the user can take
    both or neither.
    """
    blocking = [p for p in problems if p.blocking]
    if not blocking:
        return None
    first = blocking[0]
    if first.name:
        givers = [
            i for i, h in enumerate(hunks, start=1) if i not in accepted and mentions(h, first.name)
        ]
        users = [i for i in sorted(accepted) if mentions(hunks[i - 1], first.name)]
        if givers and users:
            who = ", ".join(map(str, users))
            return (
                f"hunk {who} uses {first.name}, which hunk {givers[0]} brings: take both or "
                f"neither ({first.message}, line {first.line})"
            )
    return f"the accepted hunks alone would break the file: {first.message} (line {first.line})"
