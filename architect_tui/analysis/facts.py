"""Phase 1 of the map: what one file says, independent of every other file.

Pure and cacheable: the result depends only on the file's bytes and its path, so it is cached by
content hash and can be computed in a worker process. What is kept is a *pruned* ``ast`` tree:

- a file that may hold Flask code (a cheap byte-level pre-filter: it mentions ``Flask``,
  ``Blueprint``, ``route``, ``register_``, ``add_resource``, ``Namespace``...) keeps its whole tree,
  because the project-level interpreter (``interpreter.py``) walks module bodies, factories and
  helper functions;
- any other file keeps only what another module may import from it: imports, module-level
  assignments (constants, lists of blueprints), classes' literal attributes (config classes) and
  function names. Function bodies and parameters are dropped (a call gives an unknown value),
  which keeps memory, the cache and its secret scan small on large projects; such a file is
  marked ``inert`` when running it could register nothing, and runs only when imported.

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
FACTS_VERSION = 16

_FLASK_WORDS = (
    r"Flask|Blueprint|blueprint|BLUEPRINT|route|url_rule|register_|add_resource|add_namespace|"
    r"Namespace|Api\b|as_view|View|_request|errorhandler|processor|url_defaults|Resource|"
    r"init_app|url_value_preprocessor|import_string|import_module|AddSerializedFile|"
    r"Admin|expose|AppBuilder|appbuilder|add_api"
)
#: Files that cannot hold Flask code keep only what other modules may import from them.
_MAYBE_FLASK = re.compile(_FLASK_WORDS.encode())
#: In a Flask file, function bodies that may register something (or build a subclass).
_MAYBE_FLASK_TEXT = re.compile(_FLASK_WORDS + r"|__init__|super\(")


#: Bodies up to this many lines are always kept (small helpers often return a prefix or a list).
SMALL_BODY_LINES = 6

#: In files without Flask code, function bodies up to this many lines are kept.
SMALL_HELPER_LINES = 10

_RETURNS_APP = re.compile(r"\breturn\s+app\b")
_CALLED = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\(")
#: A function that registers on its ``app`` parameter, or hands ``app`` to a helper that may.
_APP_REGISTERS = re.compile(
    r"\bapp\s*\.\s*(?:register_blueprint|add_url_rule|route|add_resource|add_namespace)\b"
    r"|\b[A-Za-z_][\w.]*\(\s*app\s*[,)]"
)


@dataclass(slots=True)
class FileFacts:
    """The pruned syntax tree of one file plus the diagnostics met while reading it."""

    rel: str
    module: str
    is_package: bool
    tree: ast.Module | None  # None when the file could not be parsed
    full: bool  # True when the file may hold Flask code (its module body is kept whole)
    lines: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: top-level function name -> names it calls (found in its text); for factory detection
    calls: dict[str, frozenset[str]] = field(default_factory=dict)
    #: top-level functions that call ``app.register_blueprint``/``add_url_rule``/... on ``app``
    app_setups: frozenset[str] = frozenset()
    #: a file without Flask code whose module body calls and decorates nothing: running it can
    #: register nothing, so the interpreter runs it only when another module imports it
    inert: bool = False


def maybe_flask(data: bytes) -> bool:
    """The byte-level pre-filter: may this file hold Flask code?"""
    return bool(_MAYBE_FLASK.search(data))


def extract_facts(rel: str, module: str, is_package: bool, data: bytes) -> FileFacts:
    """Parse ``data`` (the file's bytes) and prune it; bad input becomes a diagnostic."""
    full = maybe_flask(data)
    if not full and b"\x00" not in data:
        # Most files: parse the bytes as Python does (PEP 263 cookie, UTF-8), no decoded copy.
        # Anything the fast path refuses goes the careful way below, for the exact diagnostic.
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(data, filename=rel)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
        else:
            tree.body = _prune(tree.body)
            lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
            return FileFacts(rel, module, is_package, tree, False, lines, inert=_inert(tree.body))
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
    lines = text.splitlines()
    facts = FileFacts(rel, module, is_package, tree, full, len(lines))
    if not full:
        tree.body = _prune(tree.body)
        facts.inert = _inert(tree.body)
        return facts
    calls: dict[str, frozenset[str]] = {}
    setups: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            body = "\n".join(lines[stmt.body[0].lineno - 1 : stmt.end_lineno or stmt.lineno])
            calls[stmt.name] = frozenset(_CALLED.findall(body))
            # A function that hands the app back (``return app``) is an alternative way to
            # build the app (MLflow's optional ``auth.create_app(app)``), not a start-up hook.
            if _APP_REGISTERS.search(body) and not _RETURNS_APP.search(body):
                setups.add(stmt.name)
    facts.calls, facts.app_setups = calls, frozenset(setups)
    _prune_bodies(tree.body, lines)
    return facts


def _segment(lines: list[str], node: ast.stmt) -> str:
    return "\n".join(lines[node.lineno - 1 : node.end_lineno or node.lineno])


def _pruned_body(node: ast.stmt) -> list[ast.stmt]:
    """An empty body: Python never has one, so it marks a body the pruning dropped."""
    return []


def is_pruned(body: list[ast.stmt]) -> bool:
    """Was this function's body dropped by the pruning (calling it gives an unknown value)?"""
    return not body


def _inert(body: list[ast.stmt], in_class: bool = False) -> bool:
    """Nothing runs but imports and plain bindings: no call, no decorator applied, no attribute
    or item assigned, no branch (the interpreter does not apply methods' bare decorators)."""
    for stmt in body:
        if isinstance(stmt, ast.Import | ast.ImportFrom | ast.Pass):
            continue
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            if any(isinstance(d, ast.Call) or not in_class for d in stmt.decorator_list):
                return False
            if _calls(stmt.args.defaults) or _calls(stmt.args.kw_defaults):
                return False
        elif isinstance(stmt, ast.ClassDef):
            if stmt.decorator_list or stmt.keywords or _calls(stmt.bases):
                return False
            if not _inert(stmt.body, in_class=True):
                return False
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if not all(isinstance(t, ast.Name) for t in targets) or _calls([stmt.value]):
                return False
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # a docstring
        else:
            return False
    return True


_LEAVES = (ast.Constant, ast.Name)


def _calls(nodes: list[ast.expr | None] | list[ast.expr]) -> bool:
    """Is there a call in these expressions? (Literals and names, the usual case, first.)"""
    for node in nodes:
        if node is None or isinstance(node, _LEAVES):
            continue
        if any(isinstance(n, ast.Call) for n in ast.walk(node)):
            return True
    return False


_VIEW_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "trace", "dispatch_request"}
)


_REGISTERING_DECORATORS = frozenset(
    {
        "route",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "errorhandler",
        "app_errorhandler",
        "before_request",
        "after_request",
        "teardown_request",
        "before_app_request",
        "after_app_request",
        "teardown_app_request",
        "context_processor",
        "app_context_processor",
        "url_value_preprocessor",
        "url_defaults",
        "resource",
    }
)


def _registered_view(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Decorated by ``x.route(...)``, ``x.get(...)``, ``x.before_request``...: a view or hook,
    whose body the map never runs (a ``@lru_cache`` helper is not one: it may build rules)."""
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Attribute) and target.attr in _REGISTERING_DECORATORS:
            return True
    return False


def _prune_bodies(body: list[ast.stmt], lines: list[str], in_class: bool = False) -> None:
    """In a Flask file, drop the bodies the map never runs: views.

    A decorated module-level function is a view (its decorators, name and span are kept, its
    body is not needed), and so are a class's ``get``/``post``/.../``dispatch_request`` (their
    names give the methods). Other functions may be helpers that build rules, so they stay,
    as do bodies that mention Flask registration words.
    """
    for stmt in body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            is_view = stmt.name in _VIEW_METHODS if in_class else _registered_view(stmt)
            size = (stmt.end_lineno or stmt.lineno) - stmt.lineno
            if (
                is_view
                and size > SMALL_BODY_LINES
                and not _MAYBE_FLASK_TEXT.search(_segment(lines, stmt))
            ):
                stmt.body = _pruned_body(stmt)
        elif isinstance(stmt, ast.ClassDef):
            _prune_bodies(stmt.body, lines, in_class=True)


def _drop_body(node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    """Out of a file without Flask code only a function's name and decorators matter: a call
    to it gives an unknown value, so its parameters, annotations and body are dropped (they
    were most of the nodes kept, pickled and scanned for secrets on a large project)."""
    node.body = _pruned_body(node)
    node.args = _NO_ARGUMENTS
    node.returns = None


_NO_ARGUMENTS = ast.arguments(
    posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]
)


def _prune(body: list[ast.stmt]) -> list[ast.stmt]:
    """Keep what other modules can import: imports, assignments, classes' attributes."""
    kept: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, ast.Import | ast.ImportFrom | ast.Assign | ast.AnnAssign):
            kept.append(stmt)
        elif isinstance(stmt, ast.ClassDef):
            # Attributes (config values) are kept, and of the methods (whose calls give unknown
            # values anyway) the names that change what the class is: a view's get/post,
            # properties and class methods.
            body: list[ast.stmt] = []
            for item in stmt.body:
                if isinstance(item, ast.Assign | ast.AnnAssign):
                    body.append(item)
                elif isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and (
                    item.name in _VIEW_METHODS or item.decorator_list
                ):
                    _drop_body(item)
                    body.append(item)
            stmt.body = body or [ast.Pass(lineno=stmt.lineno, col_offset=0)]
            kept.append(stmt)
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            # Keep the name bound (an import of it must not fail); keep small bodies (a
            # parse_boolean used by settings, a helper returning a prefix), drop the rest.
            # Decorators stay: ``@bp.get("/x")`` registers a view even in a file the byte
            # filter did not flag.
            if (stmt.end_lineno or stmt.lineno) - stmt.lineno > SMALL_HELPER_LINES:
                _drop_body(stmt)
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
