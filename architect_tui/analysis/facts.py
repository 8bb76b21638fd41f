"""Phase 1 of the map: what one file says, independent of every other file.

Pure and cacheable: the result depends only on the file's bytes and its path, so it is cached by
content hash and can be computed in a worker process. What is kept is a *pruned* ``ast`` tree:

- a file that may hold Flask code (a cheap byte-level pre-filter: it mentions ``Flask``,
  ``Blueprint``, ``route``, ``register_``, ``add_resource``, ``Namespace``...) keeps its whole tree,
  because the project-level interpreter (``interpreter.py``) walks module bodies, factories and
  helper functions;
- any other file keeps only what another module may import from it: imports, module-level
  assignments (constants, lists of blueprints) and classes' literal attributes (config classes).
  Function bodies are dropped, which keeps memory and the cache small on large projects.

Why ``ast`` and not LibCST here: the map must be rebuilt in about twice the time it takes to parse
the project (measured: ``libcst.parse_module`` is about 10x slower than ``ast.parse``, 44x with
position metadata). ``ast`` gives line and end line for every node, which is all the map needs.
LibCST stays the tool for anything that rewrites code.
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass, field

from architect_tui.analysis.model import Diagnostic
from architect_tui.analysis.sources import SourceError, decode_source

#: Bump when the shape of FileFacts or the pruning changes: old cache entries are then ignored.
FACTS_VERSION = 3

_MAYBE_FLASK = re.compile(
    rb"Flask|Blueprint|route|url_rule|register_|add_resource|add_namespace|Namespace|Api\b|"
    rb"as_view|View|_request|errorhandler|processor|url_defaults|Resource|init_app|"
    rb"url_value_preprocessor"
)


@dataclass(slots=True)
class FileFacts:
    """The pruned syntax tree of one file plus the diagnostics met while reading it."""

    rel: str
    module: str
    is_package: bool
    tree: ast.Module | None  # None when the file could not be parsed
    full: bool  # True when the whole tree was kept (the file may hold Flask code)
    lines: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)


def extract_facts(rel: str, module: str, is_package: bool, data: bytes) -> FileFacts:
    """Parse ``data`` (the file's bytes) and prune it; bad input becomes a diagnostic."""
    try:
        text = decode_source(data)
    except SourceError as exc:
        return FileFacts(rel, module, is_package, None, False, 0, [_diag(rel, 0, str(exc))])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences and the like
            tree = ast.parse(text, filename=rel)
    except SyntaxError as exc:
        hint = " (Python 2 code?)" if _looks_python2(text) else ""
        message = f"skipped: syntax error{hint}: {exc.msg}"
        return FileFacts(
            rel, module, is_package, None, False, 0, [_diag(rel, exc.lineno or 0, message)]
        )
    except (ValueError, RecursionError, MemoryError) as exc:
        return FileFacts(
            rel, module, is_package, None, False, 0, [_diag(rel, 0, f"skipped: {exc}")]
        )
    lines = text.count("\n") + 1
    full = bool(_MAYBE_FLASK.search(data))
    if not full:
        tree.body = _prune(tree.body)
    return FileFacts(rel, module, is_package, tree, full, lines)


def _prune(body: list[ast.stmt]) -> list[ast.stmt]:
    """Keep what other modules can import: imports, assignments, classes' attributes."""
    kept: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, ast.Import | ast.ImportFrom | ast.Assign | ast.AnnAssign):
            kept.append(stmt)
        elif isinstance(stmt, ast.ClassDef):
            stmt.body = [s for s in stmt.body if isinstance(s, ast.Assign | ast.AnnAssign)] or [
                ast.Pass(lineno=stmt.lineno, col_offset=0)
            ]
            kept.append(stmt)
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            # Keep the name bound (an import of it must not fail) but not the body.
            stmt.body = [ast.Pass(lineno=stmt.lineno, col_offset=0)]
            stmt.decorator_list = []
            kept.append(stmt)
        elif isinstance(stmt, ast.If):
            stmt.body = _prune(stmt.body) or [ast.Pass(lineno=stmt.lineno, col_offset=0)]
            stmt.orelse = _prune(stmt.orelse)
            kept.append(stmt)
        elif isinstance(stmt, ast.Try):
            stmt.body = _prune(stmt.body) or [ast.Pass(lineno=stmt.lineno, col_offset=0)]
            for handler in stmt.handlers:
                handler.body = _prune(handler.body) or [ast.Pass(lineno=stmt.lineno, col_offset=0)]
            stmt.orelse = _prune(stmt.orelse)
            stmt.finalbody = _prune(stmt.finalbody)
            kept.append(stmt)
    return kept


def _looks_python2(text: str) -> bool:
    return bool(
        re.search(r"^\s*print\s+[^(=\s]|^\s*exec\s+\"|except\s+\w+\s*,\s*\w+\s*:", text, re.M)
    )


def _diag(rel: str, line: int, message: str) -> Diagnostic:
    return Diagnostic("warning", rel, line, message)
