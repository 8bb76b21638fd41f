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


def defines(hunk: Hunk, name: str) -> bool:
    """Whether the hunk's added lines bind ``name``: an import, a def or class, an assignment,
    an ``as`` or ``for`` target, or a name line inside a parenthesised import it adds."""
    n = re.escape(name)
    binds = re.compile(
        rf"^\s*(?:from\s+\S+\s+)?import\b.*(?<![\w.]){n}\b"
        rf"|^\s*(?:async\s+)?def\s+{n}\b|^\s*class\s+{n}\b"
        rf"|^\s*(?:[\w.]+\s*,\s*)*{n}\s*(?:,\s*[\w.]+\s*)*(?::[^=]*)?=(?!=)"
        rf"|\bas\s+{n}\b|\bfor\s+(?:[\w]+\s*,\s*)*{n}\b|^\s*global\s+.*\b{n}\b"
    )
    added = [ln[1:] for ln in hunk.lines if ln.startswith("+")]
    if any(binds.search(a) for a in added):
        return True
    in_import = any(re.search(r"\bimport\s*\($", a.rstrip()) for a in hunk.new_lines)
    return in_import and any(re.fullmatch(rf"\s*{n}\s*,?\s*\)?\s*", a) for a in added)


def hunk_needs(fp: FilePatch, tf: TextFile, indices: set[int]) -> dict[int, list[int]]:
    """For each hunk in ``indices`` (1-based), the other hunks it cannot go without.

    Hunk ``j`` is left out in turn; a blocking problem with a name that the whole change does
    not have (an undefined name) and that ``j`` binds is pinned on the hunks whose added lines
    use that name: they need ``j``.
    """
    needs: dict[int, set[int]] = {i: set() for i in indices}
    if len(indices) < 2 or len(indices) > PROBE_LIMIT or len(tf.text) > PROBE_CHARS:
        return {}
    by_index = dict(enumerate(fp.hunks, start=1))
    full = run_hunks(fp, tf, indices).text_file
    if full is None:
        return {}
    for j in sorted(indices):
        rest = indices - {j}
        result = run_hunks(fp, tf, rest)
        if result.text_file is None or any(not h.ok for h in result.hunks):
            continue
        for problem in introduced(fp.path, full.text, result.text_file.text):
            if not (problem.blocking and problem.name and defines(by_index[j], problem.name)):
                continue  # not a name hunk j brings
            for i in rest:
                if mentions(by_index[i], problem.name):
                    needs[i].add(j)
    return {i: sorted(js) for i, js in needs.items() if js}


#: Blocking problems whose cause is a name (a use without its definition, a shadowing): a
#: subset is at fault only when a hunk left out brings that name.
NAMED_KINDS = frozenset(
    {
        "undefined_name",
        "undefined_local",
        "undefined_export",
        "redefined_while_unused",
        "import_shadowed_by_loop_var",
    }
)


def judge(
    problems: list[CodeProblem], kept: set[int], hunks: list[Hunk]
) -> tuple[str | None, list[str]]:
    """(why the result must not be written, warnings) from what the result introduces.

    ``kept``: the 1-based indices of the hunks in the result; the others were left out (not
    accepted, or failed). Refused: a result that does not parse or compile, or is unsafe to
    parse; a name the kept hunks use that a hunk left out brings ("take both or neither").
    A name that no hunk brings is the answer's own mistake: a warning (the whole change is
    what the reviewer proposed; the user sees it before writing), like an unused import.
    """
    warnings: list[str] = []
    for problem in problems:
        where = f"{problem.message} (line {problem.line})"
        if problem.blocking and problem.kind not in NAMED_KINDS:
            verb = "does not parse" if problem.kind == "syntax" else "would break the file"
            return f"the result {verb}: {where.removeprefix('does not parse: ')}", []
        givers = [
            i
            for i, h in enumerate(hunks, start=1)
            if i not in kept and problem.name and defines(h, problem.name)
        ]
        if problem.blocking and givers:
            users = [i for i in sorted(kept) if mentions(hunks[i - 1], str(problem.name))]
            who = f"hunk {', '.join(map(str, users))} uses" if users else "the kept hunks use"
            return (
                f"{who} {problem.name}, which hunk {givers[0]} brings: take both or neither "
                f"({where})",
                [],
            )
        warnings.append(where)
    return None, warnings
