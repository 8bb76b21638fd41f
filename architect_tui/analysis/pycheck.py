"""Is this Python source safe to parse, does it parse, and what names would it break?

Every piece of Python the tool handles is someone else's: files of the project (possibly hostile or
generated), a model's proposed change, an autofix. Two facts drive this module:

- LibCST's native parser and every recursive visitor (ours, LibCST's, ``ast.NodeVisitor``) recurse
  once per level of the syntax tree. 2,000 nested parentheses or a 20,000-link call chain crash
  the process (a segmentation fault, which no ``except`` catches) or raise ``RecursionError`` deep
  inside a visitor. So :func:`guard` estimates the tree's depth from the text alone, cheaply and
  without any parser, and refuses what would be too deep before anything recurses. (``ast.parse``
  alone is safe: CPython raises ``SyntaxError``/``RecursionError`` instead of crashing, so the map,
  which only parses with ``ast``, catches instead of guarding; LibCST users must guard.)
- "It parses" is not "it works": a fix that adds ``abort(...)`` without its import, or an accepted
  subset of hunks that keeps a use and drops the import, parses fine and fails at run time.
  pyflakes answers that question statically (undefined names, shadowed imports) without importing
  the code; :func:`new_problems` reports only what a change *adds*, so a file that was already
  imperfect does not block a good change.
"""

from __future__ import annotations

import ast
import functools
import re
from collections import Counter
from dataclasses import dataclass

#: Larger sources are refused (the map's reader skips files over the same size).
MAX_SOURCE_CHARS = 1_500_000
#: Estimated syntax-tree depth past which parsers and visitors may crash. Measured on CPython 3.11
#: and LibCST 1.9 with the default recursion limit: a 150-link call chain, a 300-term sum and 200
#: nested brackets still visit; 200 links / 500 terms raise RecursionError; 2,000 brackets crash.
MAX_DEPTH = 120

# Strings and comments go first, so that brackets and operators inside them do not count. The
# loops are unrolled so that long literals cost linear time; an unterminated literal runs to the
# end of its line (or, triple-quoted, of the file), as the tokenizer would read it.
_STRING = (
    r"[rRbBuUfF]{0,2}(?:"
    r"'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*(?:'''|$)"
    r'|"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*(?:"""|$)'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'?"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r")"
)
_NOISE = re.compile(r"#[^\n]*|" + _STRING)
_TOKEN = re.compile(
    r"[(\[{]|[)\]}]|[,;:]|\n[ \t]*|\.(?![0-9])|[-+*/%&|^@<>~]+=?|\b(?:and|or|not|if|else)\b"
)


@dataclass(frozen=True)
class CodeProblem:
    """One reason a source is unsafe, broken or would break: a value, never an exception."""

    kind: str  # too_large | binary | too_complex | syntax | a pyflakes message in snake case
    line: int
    message: str
    name: str | None = None

    @property
    def blocking(self) -> bool:
        """Whether a change introducing this problem must not be written as it is."""
        return self.kind in BLOCKING_KINDS


#: Problems that make code fail (or not run at all); the rest (an unused import) are untidy only.
BLOCKING_KINDS = frozenset(
    {
        "too_large",
        "binary",
        "too_complex",
        "syntax",
        "undefined_name",
        "undefined_local",
        "undefined_export",
        "redefined_while_unused",
        "import_shadowed_by_loop_var",
        "return_outside_function",
        "yield_outside_function",
        "continue_outside_loop",
        "break_outside_loop",
        "default_except_not_last",
        "duplicate_argument",
    }
)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def estimated_depth(text: str) -> tuple[int, int]:
    """An over-estimate of the syntax tree's depth and the line where it peaks.

    Depth grows with nested brackets, with links of an operator or attribute chain at one level
    (``a + b + c`` and ``a.b().c()`` nest one node per link) and with indentation; commas, colons
    and the end of a statement start a new chain. Strings and comments are blanked first.
    """
    code = _NOISE.sub("0", text)
    chains = [0]  # chain length at each open bracket level
    running = 0  # sum(chains) + len(chains) - 1, kept incrementally
    indent = 0
    line = 1
    worst, worst_line = 0, 1
    for tok in _TOKEN.findall(code):
        c = tok[0]
        if c == "\n":
            line += 1
            if len(chains) == 1:  # a new logical line: the chain ends, the indentation counts
                running -= chains[0]
                chains[0] = 0
                indent = len(tok[1:].expandtabs(8)) // 2  # two-space levels over-estimate four
            continue
        if c in "([{":
            chains.append(0)
            running += 1
        elif c in ")]}":
            if len(chains) > 1:
                running -= chains.pop() + 1
            continue
        elif c in ",;:":
            running -= chains[-1]
            chains[-1] = 0
            continue
        else:
            chains[-1] += 1
            running += 1
        if running + indent > worst:
            worst, worst_line = running + indent, line
    return worst, worst_line


def guard(text: str) -> CodeProblem | None:
    """A reason not to hand ``text`` to any parser (ast, LibCST), or None when it is safe."""
    if len(text) > MAX_SOURCE_CHARS:
        return CodeProblem(
            "too_large",
            1,
            f"{len(text):,} characters is over the {MAX_SOURCE_CHARS:,} character limit",
        )
    nul = text.find("\x00")
    if nul >= 0:
        return CodeProblem("binary", _line_of(text, nul), "holds a NUL byte: not Python source")
    depth, line = estimated_depth(text)
    if depth > MAX_DEPTH:
        return CodeProblem(
            "too_complex",
            line,
            f"nested too deeply to analyse safely (about {depth} levels near line {line}; "
            f"the limit is {MAX_DEPTH})",
        )
    return None


def parse(text: str, filename: str = "<string>") -> ast.Module | CodeProblem:
    """The ``ast`` tree of a guarded source, or the problem that stops it; never raises."""
    problem = guard(text)
    if problem is not None:
        return problem
    try:
        return ast.parse(text, filename)
    except SyntaxError as exc:
        msg = exc.msg or "invalid syntax"
        return CodeProblem("syntax", exc.lineno or 1, f"does not parse: {msg} (line {exc.lineno})")
    except (RecursionError, MemoryError, ValueError) as exc:
        return CodeProblem("too_complex", 1, f"cannot be parsed safely: {type(exc).__name__}")


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def check_source(text: str, filename: str = "<string>") -> list[CodeProblem]:
    """Guard, parse and pyflakes problems of ``text``, in line order."""
    return list(_problems(text, filename))


@functools.lru_cache(maxsize=32)
def _problems(text: str, filename: str) -> tuple[CodeProblem, ...]:
    """Memoised: every candidate fix of one file compares against the same ``before``."""
    tree = parse(text, filename)
    if isinstance(tree, CodeProblem):
        return (tree,)
    from pyflakes import checker

    try:
        found = checker.Checker(tree, filename=filename)
    except RecursionError:
        return (CodeProblem("too_complex", 1, "cannot be checked safely: nested too deeply"),)
    problems = []
    for msg in found.messages:
        args = getattr(msg, "message_args", ()) or ()
        name = str(args[0]) if args and isinstance(args[0], str) else None
        problems.append(
            CodeProblem(
                _snake(type(msg).__name__),
                int(getattr(msg, "lineno", 1) or 1),
                msg.message % args,
                name,
            )
        )
    problems.sort(key=lambda p: p.line)
    return tuple(problems)


def new_problems(before: str | None, after: str, filename: str = "<string>") -> list[CodeProblem]:
    """The problems ``after`` has that ``before`` did not: what a change would introduce.

    Problems are matched by kind and name, not by line (a change moves lines), counted as a
    multiset: a second use of a name that was already undefined is not new, a third import
    shadowing is. A ``before`` that does not parse contributes nothing to compare with, except
    that a broken file stays broken without that being the change's fault.
    """
    now = check_source(after, filename)
    if before is None:
        return now
    old = Counter((p.kind, p.name) for p in check_source(before, filename))
    fresh = []
    for p in now:
        key = (p.kind, p.name)
        if old[key] > 0:
            old[key] -= 1
            continue
        fresh.append(p)
    return fresh
