"""Phase 2 of the map: a small abstract interpreter over the project's pruned syntax trees.

Flask builds its URL map by running code: module bodies, app factories, helpers that loop over
lists of blueprints. Rather than pattern-match a few spellings, the reader *evaluates* that code
over a tiny value domain (``values.py``): literals, project functions and classes, modules, and
the library objects whose methods (``route``, ``register_blueprint``, ``add_resource``...) are
answered by the library models under ``libraries/`` (one module per library, modelled after its
real source, behind the protocol of ``libraries/base.py``; none of them imports this module).

Rules of the game:
- nothing is imported or executed for real; third-party names are ``External`` paths;
- every project module is evaluated once (imports evaluate on demand, cycles see the
  partially-initialised namespace, as in Python);
- a branch whose condition is unknown runs both ways (when both return, the value is known only
  if they agree; when one returns and the other falls through, the fall-through is followed);
  a loop over unknown data runs once with an ``Unknown`` loop variable, so a rule built from it
  becomes a diagnostic, never a guess;
- app factories and start-up hooks that nobody calls statically are called once at the end
  (``entrypoints.py``); Python builtins live in ``pybuiltins.py``;
- a budget bounds the work so a pathological project cannot hang the reader.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Callable
from typing import Any

from architect_tui.analysis.entrypoints import (
    call_uncalled_app_setups,
    call_uncalled_factories,
    is_test_file,
)
from architect_tui.analysis.facts import FileFacts, is_pruned
from architect_tui.analysis.libraries import NOT_HANDLED, Libraries
from architect_tui.analysis.libraries.base import passthrough
from architect_tui.analysis.model import Diagnostic
from architect_tui.analysis.pybuiltins import (
    BUILTINS,
    DICT_METHODS,
    STR_METHODS,
    DictView,
    PathValue,
    dict_method,
    hashable,
    list_method,
    same,
    str_method,
)
from architect_tui.analysis.values import (
    MISSING,
    AppObj,
    AsView,
    BlueprintObj,
    BoundMethod,
    Builtin,
    ClassRef,
    External,
    FuncRef,
    Instance,
    ModuleObj,
    Site,
    SuperProxy,
    Unknown,
    UserBound,
)

MAX_DEPTH = 40
MAX_LOOP = 5_000
STEP_BUDGET = 3_000_000

_ORDER: dict[type, Callable[[Any, Any], bool]] = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _OutOfBudget(Exception):
    pass


class _Raise(Exception):
    """A ``raise`` statement ran: the path it is on ends here (its caller goes on)."""


class Scope:
    """A function's locals chained to its closure and its module's globals."""

    __slots__ = (
        "file",
        "global_names",
        "globals_",
        "locals_",
        "module",
        "owner",
        "parents",
        "self_value",
    )

    def __init__(
        self,
        module: str,
        file: str,
        globals_: dict[str, Any],
        locals_: dict[str, Any] | None = None,
        parents: tuple[dict[str, Any], ...] = (),
    ) -> None:
        self.module = module
        self.file = file
        self.globals_ = globals_
        self.locals_ = globals_ if locals_ is None else locals_
        self.parents = parents
        self.global_names: set[str] = set()
        self.owner: ClassRef | None = None  # the class whose method runs (for super())
        self.self_value: Any = MISSING

    @property
    def is_module(self) -> bool:
        return self.locals_ is self.globals_

    def lookup(self, name: str) -> Any:
        if name in self.locals_:
            return self.locals_[name]
        for env in self.parents:
            if name in env:
                return env[name]
        if name in self.globals_:
            return self.globals_[name]
        return MISSING

    def assign(self, name: str, value: Any) -> None:
        if name in self.global_names:
            self.globals_[name] = value
        else:
            self.locals_[name] = value

    def closure(self) -> tuple[dict[str, Any], ...]:
        if self.is_module:
            return ()
        return (self.locals_, *self.parents)


class Interpreter:
    """Evaluates a project's modules; the Flask objects it builds are then composed into a map."""

    def __init__(
        self,
        facts: list[FileFacts],
        names: dict[str, list[str]] | None = None,
        libraries: Libraries | None = None,
    ) -> None:
        self.libraries = libraries or Libraries()
        self.by_name: dict[str, list[FileFacts]] = {}
        for f in facts:
            if f.tree is not None:
                for alias in (names or {}).get(f.rel, [f.module]):
                    self.by_name.setdefault(alias, []).append(f)
        for candidates in self.by_name.values():
            candidates.sort(key=lambda f: (f.rel.count("/"), f.rel))
        self.facts = [f for f in facts if f.tree is not None]
        self.modules: dict[str, ModuleObj] = {}  # rel path -> module object
        self.namespaces_pkgs: dict[str, ModuleObj] = {}
        # every dotted prefix of a module name ("a", "a.b" for "a.b.c"): namespace packages
        self.name_prefixes = {
            key.rsplit(".", i)[0] for key in self.by_name for i in range(1, key.count(".") + 1)
        }
        self.running: set[str] = set()
        self.apps: list[AppObj] = []
        self.blueprints: list[BlueprintObj] = []
        self.diagnostics: list[Diagnostic] = []
        self._diag_seen: set[tuple[str, int, str]] = set()
        self.depth = 0
        self.steps = 0
        self.stack: list[ast.AST] = []
        #: factory node -> (known arguments of the call, its result, the apps it made)
        self.factory_memo: dict[int, tuple[int, Any, list[AppObj]]] = {}
        self.called: set[int] = set()
        self.wrappers: dict[int, bool] = {}  # decorator node -> is a plain functools.wraps wrapper
        self.current_factory_names: list[str] = []
        self.out_of_budget = False

    # ------------------------------------------------------------------ driving

    def run(self) -> None:
        for f in sorted(self.facts, key=lambda f: (is_test_file(f.rel), f.rel)):
            if is_test_file(f.rel) or f.inert:
                continue  # an inert module runs when (and if) another one imports it
            self.exec_file(f)
        call_uncalled_factories(self)
        call_uncalled_app_setups(self)

    def guarded_call(self, fn: Any, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        try:
            return self.call(fn, args, kwargs, site)
        except _OutOfBudget:
            self._budget_diag(site)
            return Unknown("analysis budget exhausted")
        except RecursionError:
            self.diag("warning", site.file, site.line, "skipped: code nested too deeply to follow")
            return Unknown("too deep")

    # ------------------------------------------------------------------ for the library models

    def construct(self, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        """Call the library class at ``path`` through the model that knows it."""
        handler = self.libraries.handler(path)
        if handler is None:
            return Unknown(f"{path}()", site.file, site.line)
        return handler(self, path, args, kwargs, site)

    def current_factory(self) -> str | None:
        return self.current_factory_names[-1] if self.current_factory_names else None

    def exec_file(self, f: FileFacts) -> ModuleObj:
        existing = self.modules.get(f.rel)
        if existing is not None:
            return existing
        # Parent packages first, as Python does; a parent that imports this module (a package
        # re-exporting ``from .resources import api``) runs it fully, and then it is done.
        parent_obj = None
        if "." in f.module:
            parent = self.find_module(f.module.rsplit(".", 1)[0], f.rel)
            if parent is not None:
                parent_obj = self.exec_file(parent)
                existing = self.modules.get(f.rel)
                if existing is not None:
                    return existing
        env: dict[str, Any] = {"__name__": f.module, "__file__": f.rel}
        if f.is_package:
            env["__path__"] = Unknown("__path__")
        module = ModuleObj(f.module, env, f.rel)
        self.modules[f.rel] = module
        if parent_obj is not None and parent_obj.env is not None:
            parent_obj.env.setdefault(f.module.rsplit(".", 1)[1], module)
        self.running.add(f.rel)
        scope = Scope(f.module, f.rel, env)
        try:
            assert f.tree is not None
            self.exec_body(f.tree.body, scope)
        except _OutOfBudget:
            self._budget_diag(Site(f.rel, 0))
        except (_Return, _Raise):
            pass
        except RecursionError:
            self.diag("warning", f.rel, 0, "skipped: code nested too deeply to follow")
        finally:
            self.running.discard(f.rel)
        return module

    def _budget_diag(self, site: Site) -> None:
        if not self.out_of_budget:
            self.out_of_budget = True
            self.diag(
                "warning",
                site.file,
                site.line,
                "analysis budget exhausted; the map may be incomplete",
            )

    # ------------------------------------------------------------------ modules

    def find_module(self, name: str, importer_rel: str) -> FileFacts | None:
        candidates = self.by_name.get(name)
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        # Prefer the file under the same source root as the importer.
        importer_top = importer_rel.split("/")[0]
        for c in candidates:
            if c.rel.split("/")[0] == importer_top:
                return c
        return candidates[0]

    def import_module(self, name: str, importer_rel: str) -> Any:
        """``import a.b.c``: run a, a.b, a.b.c; return the module for ``a.b.c``."""
        parts = name.split(".")
        result: Any = None
        for i in range(1, len(parts) + 1):
            sub = ".".join(parts[:i])
            f = self.find_module(sub, importer_rel)
            if f is None:
                namespace = self._namespace_package(sub)
                if namespace is None:
                    if i == 1:
                        return External(name)
                    return Unknown(f"module {name} not found in the project")
                if isinstance(result, ModuleObj) and result.env is not None:
                    result.env.setdefault(parts[i - 1], namespace)
                result = namespace
                continue
            result = self.exec_file(f)
        return result

    def _namespace_package(self, name: str) -> ModuleObj | None:
        """A folder without ``__init__.py`` that holds project modules (PEP 420)."""
        if name in self.namespaces_pkgs:
            return self.namespaces_pkgs[name]
        if name not in self.name_prefixes:
            return None
        module = ModuleObj(name, {"__name__": name}, "")
        self.namespaces_pkgs[name] = module
        return module

    def resolve_relative(self, scope: Scope, level: int, module: str | None) -> str:
        if level == 0:
            return module or ""
        f = self.modules.get(scope.file)
        is_package = f is not None and scope.file.endswith("__init__.py")
        base = scope.module.split(".") if scope.module else []
        if not is_package:
            base = base[:-1]
        if level > 1:
            base = base[: len(base) - (level - 1)] if level - 1 <= len(base) else []
        if module:
            base = [*base, *module.split(".")]
        return ".".join(base)

    # ------------------------------------------------------------------ diagnostics

    def diag(self, severity: str, file: str, line: int, message: str) -> None:
        key = (file, line, message)
        if key in self._diag_seen:
            return
        self._diag_seen.add(key)
        self.diagnostics.append(Diagnostic(severity, file, line, message))  # type: ignore[arg-type]

    def unknown(self, why: str, scope: Scope, node: ast.AST) -> Unknown:
        return Unknown(why, scope.file, getattr(node, "lineno", 0))

    # ------------------------------------------------------------------ statements

    def tick(self) -> None:
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise _OutOfBudget

    def exec_body(self, body: list[ast.stmt], scope: Scope) -> None:
        for stmt in body:
            try:
                self.exec_stmt(stmt, scope)
            except (_Return, _Raise, _OutOfBudget):
                raise
            except RecursionError:
                if self.depth > 0:
                    raise  # unwind to the outermost statement, where the stack is shallow again
                self.diag("info", scope.file, stmt.lineno, "statement too deeply nested to follow")
            except Exception as exc:  # the reader must survive any code; say what was skipped
                self.diag(
                    "info",
                    scope.file,
                    stmt.lineno,
                    f"statement not followed by the static reader ({type(exc).__name__})",
                )

    def exec_stmt(self, stmt: ast.stmt, scope: Scope) -> None:
        self.tick()
        if isinstance(stmt, ast.Expr):
            self.eval(stmt.value, scope)
        elif isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, scope)
            for target in stmt.targets:
                self.assign(target, value, scope)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, self.eval(stmt.value, scope), scope)
        elif isinstance(stmt, ast.AugAssign):
            self._aug_assign(stmt, scope)
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            fn = FuncRef(stmt, scope.module, scope.file, None, stmt.name)
            fn.closure = scope.closure()  # type: ignore[assignment]
            value = self.apply_decorators(fn, stmt.decorator_list, scope)
            scope.assign(stmt.name, value)
        elif isinstance(stmt, ast.ClassDef):
            scope.assign(stmt.name, self.exec_class(stmt, scope))
        elif isinstance(stmt, ast.Return):
            raise _Return(self.eval(stmt.value, scope) if stmt.value is not None else None)
        elif isinstance(stmt, ast.Raise):
            raise _Raise
        elif isinstance(stmt, ast.If):
            test = self.truth(self.eval(stmt.test, scope))
            if test is True:
                self.exec_body(stmt.body, scope)
            elif test is False:
                self.exec_body(stmt.orelse, scope)
            else:
                self._exec_both(stmt, scope)
        elif isinstance(stmt, ast.For | ast.AsyncFor):
            self._exec_for(stmt, scope)
        elif isinstance(stmt, ast.While):
            self.exec_body(stmt.body, scope)
            self.exec_body(stmt.orelse, scope)
        elif isinstance(stmt, ast.With | ast.AsyncWith):
            for item in stmt.items:
                value = self.eval(item.context_expr, scope)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, self._enter(value, scope, stmt), scope)
            self.exec_body(stmt.body, scope)
        elif isinstance(stmt, ast.Try | ast.TryStar):
            self._exec_try(stmt, scope)
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    scope.assign(alias.asname, self.import_module(alias.name, scope.file))
                else:
                    top = alias.name.split(".")[0]
                    self.import_module(alias.name, scope.file)
                    scope.assign(top, self.import_module(top, scope.file))
        elif isinstance(stmt, ast.ImportFrom):
            self._import_from(stmt, scope)
        elif isinstance(stmt, ast.Global):
            scope.global_names.update(stmt.names)
        elif isinstance(stmt, ast.Match):
            self.eval(stmt.subject, scope)
            for case in stmt.cases:
                self.exec_body(case.body, scope)

    def _exec_both(self, stmt: ast.If, scope: Scope) -> None:
        """An ``if`` on a run-time condition: both branches run (their registrations count).

        When both branches return, the result is known only if they agree. When one branch
        returns and the other falls through, the fall-through path is followed: early returns
        are usually the unusual case (a guard, a feature flag that is off by default).
        """
        returned: list[_Return] = []
        raised = 0
        for branch in (stmt.body, stmt.orelse):
            try:
                self.exec_body(branch, scope)
            except _Return as ret:
                returned.append(ret)
            except _Raise:
                raised += 1  # this path ends in an exception: the other one is what runs on
        if raised == 2:
            raise _Raise
        if raised and returned:
            raise returned[0]  # one path raises, the other returns: the function returns that
        if len(returned) == 2:
            first, second = returned[0].value, returned[1].value
            if same(first, second):
                raise returned[0]
            raise _Return(self.unknown("a value that depends on a run-time condition", scope, stmt))

    def _exec_try(self, stmt: ast.Try | ast.TryStar, scope: Scope) -> None:
        """``try``: the body, then ``else``; handlers run only for import fallbacks, or in full
        when the body certainly raised (a ``raise`` on the path it took)."""
        try:
            try:
                self.exec_body(stmt.body, scope)
            except _Raise:
                if not stmt.handlers:
                    raise
                for handler in stmt.handlers:
                    self._exec_both_ways(handler.body, scope)
            else:
                self.exec_body(stmt.orelse, scope)
                for handler in stmt.handlers:
                    self._exec_handler(handler, scope)
        finally:
            self.exec_body(stmt.finalbody, scope)

    def _exec_both_ways(self, body: list[ast.stmt], scope: Scope) -> None:
        """One of several alternative paths: a ``raise`` on it ends that path only."""
        with contextlib.suppress(_Raise):
            self.exec_body(body, scope)

    def _exec_handler(self, handler: ast.ExceptHandler, scope: Scope) -> None:
        """Run an ``except`` body only for import fallbacks whose names are still unknown."""
        for stmt in handler.body:
            if isinstance(stmt, ast.Import | ast.ImportFrom):
                names = [a.asname or a.name.split(".")[0] for a in stmt.names]
                if any(scope.lookup(n) is MISSING for n in names):
                    self.exec_stmt(stmt, scope)

    def _enter(self, value: Any, scope: Scope, node: ast.AST) -> Any:
        return self.unknown("a with-statement's target", scope, node)

    def _exec_for(self, stmt: ast.For | ast.AsyncFor, scope: Scope) -> None:
        items = self.iterate(self.eval(stmt.iter, scope))
        if items is None:
            self.assign(
                stmt.target,
                self.unknown("a loop over data known only at run time", scope, stmt),
                scope,
            )
            self.exec_body(stmt.body, scope)
        else:
            if len(items) > MAX_LOOP:
                self.diag(
                    "warning",
                    scope.file,
                    stmt.lineno,
                    f"loop followed for its first {MAX_LOOP} items only",
                )
            for item in items[:MAX_LOOP]:
                self.assign(stmt.target, item, scope)
                self.exec_body(stmt.body, scope)
        self.exec_body(stmt.orelse, scope)

    def iterate(self, value: Any) -> list[Any] | None:
        if isinstance(value, list | tuple | set | frozenset):
            return list(value)
        if isinstance(value, dict):
            return list(value.keys())
        if isinstance(value, str):
            return list(value)
        if isinstance(value, DictView):
            return value.items()
        return None

    def _aug_assign(self, stmt: ast.AugAssign, scope: Scope) -> None:
        right = self.eval(stmt.value, scope)
        if isinstance(stmt.target, ast.Name):
            left = scope.lookup(stmt.target.id)
            if isinstance(left, list) and isinstance(stmt.op, ast.Add):
                items = self.iterate(right)
                if items is None:
                    left.append(self.unknown("items added at run time", scope, stmt))
                else:
                    left.extend(items)
                return
            result = self.binop(stmt.op, left, right, scope, stmt)
            scope.assign(stmt.target.id, result)

    def _import_from(self, stmt: ast.ImportFrom, scope: Scope) -> None:
        name = self.resolve_relative(scope, stmt.level, stmt.module)
        if stmt.level and not name and not stmt.module:
            return
        module = self.import_module(name, scope.file) if name else None
        for alias in stmt.names:
            if alias.name == "*":
                if isinstance(module, ModuleObj) and module.env is not None:
                    for k, v in list(module.env.items()):
                        if not k.startswith("_"):
                            scope.assign(k, v)
                continue
            target = alias.asname or alias.name
            scope.assign(target, self._from_import_value(module, name, alias.name, scope, stmt))

    def _from_import_value(
        self, module: Any, name: str, attr: str, scope: Scope, stmt: ast.AST
    ) -> Any:
        if isinstance(module, External):
            return External(f"{module.path}.{attr}")
        if isinstance(module, ModuleObj) and module.env is not None:
            if attr in module.env:
                return module.env[attr]
            sub = self.find_module(f"{name}.{attr}", scope.file)
            if sub is not None:
                return self.exec_file(sub)
            if module.file in self.running:
                return self.unknown(f"{attr} from {name} (circular import)", scope, stmt)
            return self.unknown(f"{attr} not found in {name}", scope, stmt)
        return self.unknown(f"{name}.{attr}", scope, stmt)

    def exec_class(self, node: ast.ClassDef, scope: Scope) -> Any:
        bases = [self.eval(b, scope) for b in node.bases]
        cls = ClassRef(node, scope.module, scope.file, node.name, bases)
        class_scope = Scope(scope.module, scope.file, scope.globals_, cls.attrs, scope.closure())
        try:
            for stmt in node.body:
                if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                    kind = _method_kind(stmt)
                    if kind == "setter":
                        continue  # keep the property's getter
                    fn = FuncRef(stmt, scope.module, scope.file, None, stmt.name, owner=cls)
                    fn.closure = scope.closure()  # type: ignore[assignment]
                    fn.kind = kind
                    cls.attrs[stmt.name] = fn
                    marks = [d for d in stmt.decorator_list if self._is_method_marker(d)]
                    if marks:
                        # ``@expose("/x")``, ``@route("/y")``: the library marks the method (its
                        # class becomes routes later); the method itself stays as defined.
                        self.apply_decorators(fn, marks, scope)
                else:
                    self.exec_stmt(stmt, class_scope)
        except (_Return, _Raise):
            pass
        return self.apply_decorators(cls, node.decorator_list, scope)

    def _is_method_marker(self, deco: ast.expr) -> bool:
        if not isinstance(deco, ast.Call):
            return False
        func = deco.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        return name in self.libraries.method_markers

    def apply_decorators(self, target: Any, decorators: list[ast.expr], scope: Scope) -> Any:
        value = target
        for deco in reversed(decorators):
            fn = self.eval(deco, scope)
            value = self.apply_decorator(
                fn, value, Site(scope.file, deco.lineno, deco.end_lineno or deco.lineno)
            )
        return value

    def apply_decorator(self, deco: Any, value: Any, site: Site) -> Any:
        """Apply one decorator; unknown decorators keep the view's identity (functools.wraps)."""
        if isinstance(deco, Unknown | External) or deco is MISSING:
            return value
        if (
            isinstance(deco, FuncRef)
            and isinstance(value, FuncRef | AsView)
            and _plain_wrapper(deco, self.wrappers)
        ):
            return value  # def deco(f): @wraps(f) def inner(...): ...; return inner
        result = self.call(deco, [value], {}, site)
        if isinstance(result, Unknown) or result is None:
            return value
        if isinstance(deco, Builtin) and deco.label == "wraps":
            return result  # functools.wraps: the wrapper stands for the wrapped view
        if (
            isinstance(result, FuncRef | ClassRef | Instance)
            and isinstance(value, FuncRef | AsView)
            and result is not value
        ):
            # A wrapper: Flask sees the wrapped name (functools.wraps is the norm), and a class
            # or an object in its place (``@bp.output(PetOut)`` read as ``PetOut(view)``) is no
            # evidence of a different view.
            return value
        return result

    def assign(self, target: ast.expr, value: Any, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            owner = self.libraries.owner(value)
            if owner is not None:
                owner.named(value, target.id)
            scope.assign(target.id, value)
        elif isinstance(target, ast.Tuple | ast.List):
            items = self.iterate(value)
            plain = [t for t in target.elts if not isinstance(t, ast.Starred)]
            if items is not None and len(items) == len(target.elts) and len(plain) == len(items):
                for t, v in zip(target.elts, items, strict=True):
                    self.assign(t, v, scope)
            else:
                for t in target.elts:
                    inner = t.value if isinstance(t, ast.Starred) else t
                    self.assign(inner, self.unknown("unpacked at run time", scope, target), scope)
        elif isinstance(target, ast.Attribute):
            obj = self.eval(target.value, scope)
            self.set_attr(obj, target.attr, value)
        elif isinstance(target, ast.Subscript):
            obj = self.eval(target.value, scope)
            key = self.eval(target.slice, scope)
            owner = self.libraries.owner(obj)
            if owner is not None:
                owner.set_item(self, obj, key, value)
            elif (isinstance(obj, dict) and hashable(key)) or (
                isinstance(obj, list) and isinstance(key, int) and -len(obj) <= key < len(obj)
            ):
                obj[key] = value

    def set_attr(self, obj: Any, attr: str, value: Any) -> None:
        if isinstance(obj, Instance | ClassRef):
            obj.attrs[attr] = value
        elif isinstance(obj, ModuleObj) and obj.env is not None:
            obj.env[attr] = value
        else:
            owner = self.libraries.owner(obj)
            if owner is None:
                return
            if getattr(obj, "user_class", None) is not None:
                if getattr(obj, "user_attrs", None) is None:
                    obj.user_attrs = {}
                obj.user_attrs[attr] = value
            owner.set_attr(self, obj, attr, value)

    # ------------------------------------------------------------------ expressions

    def truth(self, value: Any) -> bool | None:
        if isinstance(value, str | int | float | bool | tuple | list | dict | type(None)):
            return bool(value)
        if isinstance(value, FuncRef | ClassRef | ModuleObj | AppObj | BlueprintObj):
            return True
        return None

    def eval(self, node: ast.expr | None, scope: Scope) -> Any:
        self.tick()
        if node is None:
            return None
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            value = scope.lookup(node.id)
            if value is MISSING:
                builtin = BUILTINS.get(node.id)
                if builtin is not None:
                    return builtin
                return self.unknown(f"name {node.id}", scope, node)
            return value
        if isinstance(node, ast.Attribute):
            return self.get_attr(
                self.eval(node.value, scope), node.attr, Site(scope.file, node.lineno)
            )
        if isinstance(node, ast.Call):
            return self._eval_call(node, scope)
        if isinstance(node, ast.JoinedStr):
            return self._fstring(node, scope)
        if isinstance(node, ast.BinOp):
            return self.binop(
                node.op, self.eval(node.left, scope), self.eval(node.right, scope), scope, node
            )
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items: list[Any] = []
            for elt in node.elts:
                if isinstance(elt, ast.Starred):
                    inner = self.iterate(self.eval(elt.value, scope))
                    if inner is None:
                        return self.unknown("a starred value known at run time", scope, node)
                    items.extend(inner)
                else:
                    items.append(self.eval(elt, scope))
            if isinstance(node, ast.Tuple):
                return tuple(items)
            if isinstance(node, ast.Set):
                return items if not all(hashable(i) for i in items) else set(items)
            return items
        if isinstance(node, ast.Dict):
            out: dict[Any, Any] = {}
            for k, v in zip(node.keys, node.values, strict=True):
                if k is None:
                    inner = self.eval(v, scope)
                    if isinstance(inner, dict):
                        out.update(inner)
                    continue
                key = self.eval(k, scope)
                if hashable(key):
                    out[key] = self.eval(v, scope)
            return out
        if isinstance(node, ast.Subscript):
            return self.subscript(
                self.eval(node.value, scope), self.eval(node.slice, scope), scope, node
            )
        if isinstance(node, ast.BoolOp):
            return self._boolop(node, scope)
        if isinstance(node, ast.IfExp):
            test = self.truth(self.eval(node.test, scope))
            if test is True:
                return self.eval(node.body, scope)
            if test is False:
                return self.eval(node.orelse, scope)
            body, orelse = self.eval(node.body, scope), self.eval(node.orelse, scope)
            if same(body, orelse):
                return body
            return self.unknown("a conditional value", scope, node)
        if isinstance(node, ast.Compare):
            return self._compare(node, scope)
        if isinstance(node, ast.UnaryOp):
            operand = self.eval(node.operand, scope)
            if isinstance(node.op, ast.Not):
                t = self.truth(operand)
                return self.unknown("a negation", scope, node) if t is None else not t
            if isinstance(node.op, ast.USub) and isinstance(operand, int | float):
                return -operand
            return self.unknown("an expression", scope, node)
        if isinstance(node, ast.Lambda):
            fn = FuncRef(node, scope.module, scope.file, None, "<lambda>")
            fn.closure = scope.closure()  # type: ignore[assignment]
            return fn
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            return self._comprehension(node, scope)
        if isinstance(node, ast.NamedExpr):
            value = self.eval(node.value, scope)
            self.assign(node.target, value, scope)
            return value
        if isinstance(node, ast.Await):
            return self.eval(node.value, scope)
        if isinstance(node, ast.Slice):
            return self.unknown("a slice", scope, node)
        return self.unknown(type(node).__name__, scope, node)

    def _comprehension(
        self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp, scope: Scope
    ) -> Any:
        if len(node.generators) != 1:
            return self.unknown("a comprehension", scope, node)
        gen = node.generators[0]
        items = self.iterate(self.eval(gen.iter, scope))
        if items is None:
            return self.unknown("a comprehension over run-time data", scope, node)
        inner = Scope(scope.module, scope.file, scope.globals_, {}, scope.closure())
        out = []
        for item in items[:MAX_LOOP]:
            self.assign(gen.target, item, inner)
            keep = True
            for cond in gen.ifs:
                t = self.truth(self.eval(cond, inner))
                if t is False:
                    keep = False
                elif t is None:
                    return self.unknown("a filtered comprehension", scope, node)
            if keep:
                out.append(self.eval(node.elt, inner))
        return out

    def _boolop(self, node: ast.BoolOp, scope: Scope) -> Any:
        values = [self.eval(v, scope) for v in node.values]
        if isinstance(node.op, ast.Or):
            for v in values:
                t = self.truth(v)
                if t is True:
                    return v
                if t is None and not isinstance(v, Unknown):
                    return v
            # unknown-or-literal: the literal is the documented default
            for v in reversed(values):
                if not isinstance(v, Unknown):
                    return v
            return values[-1]
        for v in values:
            t = self.truth(v)
            if t is False:
                return v
            if t is None:
                return self.unknown("a boolean expression", scope, node)
        return values[-1]

    def _compare(self, node: ast.Compare, scope: Scope) -> Any:
        left = self.eval(node.left, scope)
        if len(node.ops) != 1:
            return self.unknown("a comparison", scope, node)
        right = self.eval(node.comparators[0], scope)
        op = node.ops[0]
        if isinstance(left, Unknown) or isinstance(right, Unknown):
            return self.unknown("a comparison", scope, node)
        literal = (str, int, float, bool, type(None), tuple)
        try:
            if isinstance(op, ast.Eq) and isinstance(left, literal) and isinstance(right, literal):
                return left == right
            if (
                isinstance(op, ast.NotEq)
                and isinstance(left, literal)
                and isinstance(right, literal)
            ):
                return left != right
            if isinstance(op, ast.Lt | ast.LtE | ast.Gt | ast.GtE) and (
                (isinstance(left, int | float) and isinstance(right, int | float))
                or (isinstance(left, str) and isinstance(right, str))
            ):
                return _ORDER[type(op)](left, right)
            if isinstance(op, ast.Is) and (left is None or right is None):
                return left is right
            if isinstance(op, ast.IsNot) and (left is None or right is None):
                return left is not right
            if (
                isinstance(op, ast.In | ast.NotIn)
                and isinstance(right, list | tuple | dict | str | set)
                and isinstance(left, literal)
            ):
                found = left in right
                return found if isinstance(op, ast.In) else not found
        except TypeError:
            return self.unknown("a comparison", scope, node)
        return self.unknown("a comparison", scope, node)

    def _fstring(self, node: ast.JoinedStr, scope: Scope) -> Any:
        parts: list[str] = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                inner = self.eval(value.value, scope)
                if value.format_spec is not None or not isinstance(inner, str | int | float):
                    return self.unknown("an f-string with a run-time value", scope, node)
                parts.append(repr(inner) if value.conversion == ord("r") else str(inner))
        return "".join(parts)

    def binop(self, op: ast.operator, left: Any, right: Any, scope: Scope, node: ast.AST) -> Any:
        if isinstance(op, ast.Add):
            if isinstance(left, str) and isinstance(right, str):
                return left + right
            if isinstance(left, list | tuple) and isinstance(right, list | tuple):
                return type(left)(list(left) + list(right))
            if isinstance(left, int | float) and isinstance(right, int | float):
                return left + right
        if isinstance(op, ast.Mod) and isinstance(left, str):
            args = right if isinstance(right, tuple) else (right,)
            if all(isinstance(a, str | int | float) for a in args) or isinstance(right, dict):
                try:
                    return left % right
                except (TypeError, ValueError, KeyError):
                    pass
        if isinstance(op, ast.Div) and isinstance(left, PathValue):
            return left
        return self.unknown("a computed value", scope, node)

    def subscript(self, obj: Any, key: Any, scope: Scope, node: ast.AST) -> Any:
        owner = self.libraries.owner(obj)
        if owner is not None:
            found = owner.subscript(self, obj, key, Site(scope.file, getattr(node, "lineno", 0)))
            return self.unknown("a subscript", scope, node) if found is NOT_HANDLED else found
        if isinstance(obj, dict):
            if hashable(key) and key in obj:
                return obj[key]
            if (isinstance(key, Unknown) or key is None) and "default" in obj:
                return obj["default"]  # config_by_name[name]: the project's default config
            return self.unknown(f"key {key!r} looked up at run time", scope, node)
        if isinstance(obj, External):
            return self.unknown(f"{obj.path}[{key!r}]", scope, node)
        if isinstance(obj, list | tuple | str) and isinstance(key, int):
            try:
                return obj[key]
            except IndexError:
                pass
        return self.unknown("a subscript", scope, node)

    def get_attr(self, obj: Any, attr: str, site: Site | None) -> Any:
        if isinstance(obj, ModuleObj):
            if obj.env is None:
                return External(f"{obj.name}.{attr}")
            if attr in obj.env:
                return obj.env[attr]
            f = self.find_module(f"{obj.name}.{attr}", obj.file)
            if f is not None:
                return self.exec_file(f)
            return Unknown(
                f"{obj.name}.{attr}", site.file if site else "", site.line if site else 0
            )
        if isinstance(obj, External):
            model = self.libraries.by_external.get(obj.path)
            if model is not None:
                found = model.external_attr(self, obj.path, attr, site)
                if found is not NOT_HANDLED:
                    return found
            return External(f"{obj.path}.{attr}")
        if isinstance(obj, ClassRef):
            value = obj.lookup(attr)
            if value is MISSING:
                if attr == "as_view":
                    return Builtin(
                        lambda args, kwargs, site, cls=obj: AsView(
                            cls, args[0] if args else kwargs.get("name")
                        ),
                        "as_view",
                    )
                if attr == "__name__":
                    return obj.name
                found = self.libraries.class_attr(self, obj, attr, site)
                if found is not NOT_HANDLED:
                    return found
                return Unknown(f"{obj.name}.{attr}")
            return self._bind(value, None, obj, site)
        if isinstance(obj, Instance):
            if attr in obj.attrs:
                return obj.attrs[attr]
            value = obj.cls.lookup(attr)
            if value is MISSING:
                return Unknown(f"{obj.cls.name}.{attr}")
            return self._bind(value, obj, obj.cls, site)
        if isinstance(obj, FuncRef) and attr == "__name__":
            return obj.name
        if isinstance(obj, SuperProxy):
            return self._super_attr(obj, attr, site)
        owner = self.libraries.owner(obj)
        if owner is not None:
            extra = getattr(obj, "user_attrs", None)
            if extra and attr in extra:
                return extra[attr]
            user_class = getattr(obj, "user_class", None)
            if user_class is not None:
                value = user_class.lookup(attr)
                if value is not MISSING:
                    return self._bind(value, obj, user_class, site)
            return owner.attr(self, obj, attr, site)
        if isinstance(obj, dict) and attr in DICT_METHODS:
            return Builtin(
                lambda args, kwargs, site, d=obj, a=attr: dict_method(d, a, args, kwargs),
                f"dict.{attr}",
            )
        if isinstance(obj, list) and attr in ("append", "extend", "insert"):
            return Builtin(
                lambda args, kwargs, site, lst=obj, a=attr: list_method(lst, a, args),
                f"list.{attr}",
            )
        if isinstance(obj, str) and attr in STR_METHODS:
            return Builtin(
                lambda args, kwargs, site, s=obj, a=attr: str_method(s, a, args, kwargs),
                f"str.{attr}",
            )
        return Unknown(f"attribute {attr}", site.file if site else "", site.line if site else 0)

    def _bind(self, value: Any, obj: Any, cls: ClassRef, site: Site | None) -> Any:
        """A class attribute seen through an instance or the class (methods, properties...)."""
        if not isinstance(value, FuncRef):
            return value
        kind = getattr(value, "kind", None)
        if kind == "staticmethod":
            return value
        if kind == "classmethod":
            return UserBound(value, cls)
        if kind == "property":
            if obj is None:
                return value
            return self.call_user(value, [obj], {}, site or Site(value.file, value.node.lineno))
        return value if obj is None else UserBound(value, obj)

    def _super_attr(self, proxy: SuperProxy, attr: str, site: Site | None) -> Any:
        """``super().attr``: the next class after the method's own class in the object's MRO."""
        obj = proxy.obj
        cls = obj.cls if isinstance(obj, Instance) else getattr(obj, "user_class", None)
        if isinstance(obj, ClassRef):
            cls = obj
        mro = cls.mro() if isinstance(cls, ClassRef) else []
        owner = getattr(proxy, "owner", None)
        start = next((i + 1 for i, k in enumerate(mro) if k is owner), 1)
        for klass in mro[start:]:
            if isinstance(klass, ClassRef) and attr in klass.attrs:
                return self._bind(
                    klass.attrs[attr], None if isinstance(obj, ClassRef) else obj, cls, site
                )
            if isinstance(klass, External):
                break
        return BoundMethod(obj, attr, site)

    def _eval_call(self, node: ast.Call, scope: Scope) -> Any:
        func = self.eval(node.func, scope)
        args: list[Any] = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                inner = self.iterate(self.eval(a.value, scope))
                if inner is None:
                    args.append(self.unknown("*args known at run time", scope, a))
                else:
                    args.extend(inner)
            else:
                args.append(self.eval(a, scope))
        kwargs: dict[str, Any] = {}
        for kw in node.keywords:
            value = self.eval(kw.value, scope)
            if kw.arg is None:
                if isinstance(value, dict):
                    kwargs.update({k: v for k, v in value.items() if isinstance(k, str)})
                else:
                    kwargs["**"] = self.unknown("**kwargs known at run time", scope, kw)
            else:
                kwargs[kw.arg] = value
        site = Site(scope.file, node.lineno, node.end_lineno or node.lineno)
        if isinstance(node.func, ast.Attribute):
            model = self.libraries.by_call_name.get(node.func.attr)
            if model is not None:
                handled = model.call_by_name(
                    self, node.func.attr, args, kwargs, scope.module, scope.globals_, site
                )
                if handled is not NOT_HANDLED:
                    return handled
        if isinstance(func, Builtin) and func.label == "globals":
            return scope.globals_
        if isinstance(func, Builtin) and func.label == "super":
            return self._super(scope)
        if isinstance(func, Builtin) and func.label == "getattr" and len(args) >= 2:
            if isinstance(args[1], str):
                value = self.get_attr(args[0], args[1], site)
                if isinstance(value, Unknown) and len(args) > 2:
                    return args[2]
                return value
            return self.unknown("getattr with a run-time name", scope, node)
        return self.call(func, args, kwargs, site)

    def _super(self, scope: Scope) -> Any:
        self_value = scope.self_value
        if self_value is MISSING:
            return Unknown("super()")
        proxy = SuperProxy(self_value)
        proxy.owner = scope.owner
        return proxy

    # ------------------------------------------------------------------ calls

    def call(self, func: Any, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        self.tick()
        if isinstance(func, FuncRef):
            return self.call_user(func, args, kwargs, site)
        if isinstance(func, UserBound):
            return self.call_user(func.func, [func.obj, *args], kwargs, site)
        if isinstance(func, BoundMethod):
            owner = self.libraries.owner(func.obj)
            if owner is None:
                return passthrough(args, kwargs)
            return owner.method(self, func.obj, func.name, args, kwargs, site)
        if isinstance(func, Builtin):
            return func.fn(args, kwargs, site)
        if isinstance(func, External):
            return self._call_external(func.path, args, kwargs, site)
        if isinstance(func, ClassRef):
            return self.instantiate(func, args, kwargs, site)
        owner = self.libraries.owner(func)
        if owner is not None:
            return owner.call_value(self, func, args, kwargs, site)
        return Unknown("a call to something known only at run time", site.file, site.line)

    def _call_external(self, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        """A call of a name from outside the project, answered by its library's model."""
        if path.endswith(".__init__") and args and self.libraries.constructs(path[:-9]):
            owner = self.libraries.owner(args[0])  # ``Flask.__init__(self, ...)`` in a subclass
            if owner is not None:
                owner.method(self, args[0], "__init__", args[1:], kwargs, site)
            return None
        return self.construct(path, args, kwargs, site)

    def instantiate(
        self, cls: ClassRef, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        for base in cls.mro():
            if isinstance(base, External) and self.libraries.constructs(base.path):
                init = cls.lookup("__init__")
                if isinstance(init, FuncRef):
                    # The subclass decides what reaches the base constructor: start empty and let
                    # its super().__init__(...) fill the object in (the model's "__init__").
                    obj = self.construct(base.path, [], {}, site)
                    obj.user_class = cls
                    obj.base_path = base.path
                    self.call_user(init, [obj, *args], kwargs, site)
                else:
                    obj = self.construct(base.path, args, kwargs, site)
                    obj.user_class = cls
                    obj.base_path = base.path
                return obj
        instance = Instance(cls)
        init = cls.lookup("__init__")
        if isinstance(init, FuncRef):
            self.call_user(init, [instance, *args], kwargs, site)
        return instance

    def call_user(
        self,
        fn: FuncRef,
        args: list[Any],
        kwargs: dict[str, Any],
        site: Site,
    ) -> Any:
        node = fn.node
        key = id(node)
        weight = _known_arguments(args, kwargs)
        memo = self.factory_memo.get(key)
        if memo is not None and weight <= memo[0]:
            return memo[1]
        if self.depth >= MAX_DEPTH or self.stack.count(node) >= 2:
            return Unknown(f"recursive call to {fn.name}", site.file, site.line)
        self.called.add(key)
        module_env = self._module_env(fn)
        locals_: dict[str, Any] = {}
        scope = Scope(fn.module, fn.file, module_env, locals_, tuple(fn.closure or ()))
        if fn.owner is not None and args:
            scope.owner, scope.self_value = fn.owner, args[0]
        if not isinstance(node, ast.Lambda) and is_pruned(node.body):
            return Unknown(f"the result of {fn.name}()", fn.file, node.lineno)
        self._bind_params(fn, args, kwargs, scope)
        apps_before = len(self.apps)
        self.depth += 1
        self.stack.append(node)
        is_factory = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        if is_factory:
            self.current_factory_names.append(fn.name)
        result: Any = None
        try:
            if isinstance(node, ast.Lambda):
                result = self.eval(node.body, scope)
            else:
                self.exec_body(node.body, scope)
        except _Return as ret:
            result = ret.value
        except _Raise:
            # Every path the reader followed raised: the call gives nothing known, and the
            # caller goes on with its next statement (what it does next still counts).
            result = Unknown(f"{fn.name}() raised", site.file, site.line)
        finally:
            self.depth -= 1
            self.stack.pop()
            if is_factory:
                self.current_factory_names.pop()
        made = [a for a in self.apps[apps_before:] if a.factory == fn.name]
        if made:
            if memo is not None:
                # The same factory called again with more of its arguments known (Lemur's
                # web factory after its Celery worker's bare ``create_app()``): one app per
                # factory in the map, the one built from the call that says the most.
                self.apps[:] = [a for a in self.apps if not any(a is old for old in memo[2])]
            self.factory_memo[key] = (weight, result, made)
        return result

    def _module_env(self, fn: FuncRef) -> dict[str, Any]:
        module = self.modules.get(fn.file)
        if module is None or module.env is None:
            return {}
        return module.env

    def _bind_params(
        self, fn: FuncRef, args: list[Any], kwargs: dict[str, Any], scope: Scope
    ) -> None:
        a = fn.node.args
        positional = [*a.posonlyargs, *a.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(a.defaults)) + list(
            a.defaults
        )
        def_scope = Scope(fn.module, fn.file, scope.globals_, {}, tuple(fn.closure or ()))
        for i, param in enumerate(positional):
            if i < len(args):
                value = args[i]
            elif param.arg in kwargs:
                value = kwargs.pop(param.arg)
            elif defaults[i] is not None:
                value = self.eval(defaults[i], def_scope)
            else:
                value = Unknown(f"parameter {param.arg}", fn.file, fn.node.lineno)
            scope.locals_[param.arg] = value
        if a.vararg is not None:
            scope.locals_[a.vararg.arg] = tuple(args[len(positional) :])
        for param, default in zip(a.kwonlyargs, a.kw_defaults, strict=True):
            if param.arg in kwargs:
                scope.locals_[param.arg] = kwargs.pop(param.arg)
            elif default is not None:
                scope.locals_[param.arg] = self.eval(default, def_scope)
            else:
                scope.locals_[param.arg] = Unknown(
                    f"parameter {param.arg}", fn.file, fn.node.lineno
                )
        if a.kwarg is not None:
            scope.locals_[a.kwarg.arg] = {k: v for k, v in kwargs.items() if k != "**"}


def _known_arguments(args: list[Any], kwargs: dict[str, Any]) -> int:
    """How many arguments a call passes with a known, non-None value."""
    values = [*args, *kwargs.values()]
    return sum(1 for v in values if v is not None and not isinstance(v, Unknown))


def _method_kind(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    for deco in node.decorator_list:
        if isinstance(deco, ast.Name) and deco.id in ("classmethod", "staticmethod", "property"):
            return deco.id
        if isinstance(deco, ast.Name) and deco.id in ("cached_property", "hybrid_property"):
            return "property"
        if isinstance(deco, ast.Attribute) and deco.attr in ("setter", "deleter"):
            return "setter"
        if isinstance(deco, ast.Attribute) and deco.attr == "cached_property":
            return "property"
    return None


def _plain_wrapper(fn: FuncRef, seen: dict[int, bool]) -> bool:
    """``def login_required(f): @wraps(f) def inner(*a, **k): ...; return inner``: the
    commonest decorator, whose result Flask sees as ``f`` itself; recognised once per function
    instead of being run for every view it wraps."""
    node = fn.node
    known = seen.get(id(node))  # per read: node ids are only unique while the trees live
    if known is None:
        known = seen[id(node)] = _is_plain_wrapper(node)
    return known


def _is_plain_wrapper(node: ast.AST) -> bool:
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    body = list(node.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if len(body) != 2 or len(node.args.args) != 1 or node.decorator_list:
        return False
    inner, ret = body
    if not isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    if not (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Name)):
        return False
    if ret.value.id != inner.name:
        return False
    for deco in inner.decorator_list:
        func = deco.func if isinstance(deco, ast.Call) else None
        name = getattr(func, "attr", None) or getattr(func, "id", None)
        if name != "wraps":
            return False
    return True
