"""Entry points the project never calls statically, called once at the end of a read.

Flask code often runs because something outside the code calls it: ``flask run`` calls the app
factory, a plugin manager calls ``load(app)`` hooks, an entry point calls a blueprint loader.
After every module ran, the interpreter calls those too, so that their registrations count.
"""

from __future__ import annotations

import ast
from typing import Any, Protocol

from architect_tui.analysis.facts import FileFacts
from architect_tui.analysis.libraries import Libraries
from architect_tui.analysis.values import AppObj, FuncRef, ModuleObj, Site


class Interpreter(Protocol):
    """What the entry points need of the interpreter (which imports this module, not back)."""

    facts: list[FileFacts]
    modules: dict[str, ModuleObj]
    apps: list[AppObj]
    called: set[int]
    libraries: Libraries

    def _module_env(self, fn: FuncRef) -> dict[str, Any]: ...

    def guarded_call(self, fn: Any, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any: ...


_APP_CLASS_NAMES = frozenset({"Flask", "APIFlask"})
#: Folders whose modules are not entry points (they still run when a module imports them).
_TEST_PARTS = (
    "tests",
    "test",
    "testing",
    "docs",
    "doc",
    "migrations",
    "alembic",
    "examples",
    "example",
    "benchmarks",
)


def call_uncalled_factories(interp: Interpreter) -> None:
    """Call, once and without arguments, the app factories no module called at import.

    A factory is a top-level function that calls an app class (``Flask(...)``), or one that
    calls such a factory (``lemur.create_app`` wrapping ``factory.create_app``). Outer
    wrappers run first, so the inner factory gets the arguments the project really passes.
    """
    candidates: list[tuple[FileFacts, ast.FunctionDef | ast.AsyncFunctionDef, FuncRef]] = []
    for f in interp.facts:
        if is_test_file(f.rel) or not f.full or f.tree is None:
            continue
        module = interp.modules.get(f.rel)
        if module is None or module.env is None:
            continue
        for stmt in f.tree.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                fn = module.env.get(stmt.name)
                if isinstance(fn, FuncRef) and fn.node is stmt:
                    candidates.append((f, stmt, fn))
    level: dict[int, int] = {}
    for f, stmt, fn in candidates:
        if _creates_app(interp, f, stmt.name, interp._module_env(fn)):
            level[id(stmt)] = 0
    for _ in range(4):  # wrappers of factories, a few levels deep
        factory_names: dict[str, list[int]] = {}
        for _f, stmt, _fn in candidates:
            if id(stmt) in level:
                factory_names.setdefault(stmt.name, []).append(id(stmt))
        changed = False
        for f, stmt, _fn in candidates:
            for called in f.calls.get(stmt.name, ()):
                inner = [n for n in factory_names.get(called, ()) if n != id(stmt)]
                if inner:
                    new = 1 + max(level[n] for n in inner)
                    if new > level.get(id(stmt), -1) and new < 8:
                        level[id(stmt)] = new
                        changed = True
        if not changed:
            break
    factories = [c for c in candidates if id(c[1]) in level]
    named = [c for c in factories if "app" in c[1].name.lower()]
    if named or interp.apps:
        # create_app/make_app over side apps such as MLflow's scoring server ``init(model)``;
        # once the project made an app at import time only create_app-like factories still
        # run (a helper module may have built a partial app, as Lemur's Celery setup does).
        factories = named
    ordered = sorted(factories, key=lambda c: -level[id(c[1])])
    for f, stmt, fn in ordered:
        if id(stmt) not in interp.called:
            interp.guarded_call(fn, [], {}, Site(f.rel, stmt.lineno))


def call_uncalled_app_setups(interp: Interpreter) -> None:
    """Functions that take ``app`` and register on it but that nobody calls statically
    (plugin hooks such as pluggy ``hookimpl``s, ``init_app`` called through a registry):
    Flask runs them at start-up, so they are run once with the project's app."""
    if not interp.apps:
        return
    # With several apps, hooks belong to the main one: the app with the most registrations.
    app = max(interp.apps, key=lambda a: len(a.records))
    for f in interp.facts:
        if is_test_file(f.rel) or not f.full or f.tree is None:
            continue
        module = interp.modules.get(f.rel)
        if module is None or module.env is None:
            continue
        for stmt in f.tree.body:
            if not isinstance(stmt, ast.FunctionDef) or id(stmt) in interp.called:
                continue
            params = [a.arg for a in [*stmt.args.posonlyargs, *stmt.args.args]]
            required = params[: len(params) - len(stmt.args.defaults)]
            if "app" not in params or stmt.name not in f.app_setups:
                continue
            if [p for p in required if p not in ("app", "self")]:
                continue  # a helper that needs more than the app: its callers pass it
            fn = module.env.get(stmt.name)
            if isinstance(fn, FuncRef) and fn.node is stmt:
                interp.guarded_call(fn, [], {"app": app}, Site(f.rel, stmt.lineno))


def _creates_app(interp: Interpreter, f: FileFacts, name: str, env: dict[str, Any]) -> bool:
    """Does top-level function ``name`` call an app class (``Flask``, a subclass...)?"""
    for called in f.calls.get(name, ()):
        if called in _APP_CLASS_NAMES or interp.libraries.is_app_class(env.get(called)):
            return True
    return False


def is_test_file(rel: str) -> bool:
    parts = rel.split("/")
    name = parts[-1]
    if name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py":
        return True
    return any(p in _TEST_PARTS for p in parts[:-1])
