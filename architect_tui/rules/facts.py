"""Project facts the rules need beyond one node: views, blueprints, hooks, the import graph.

Collected once per project by a cheap plain visitor over every already-parsed module, before
the rules run, so a rule looking at one view can ask "what do its blueprint siblings carry?"
or "does this import close a cycle?" without re-reading files. The project map from
``architect_tui.analysis`` is an optional extra: when given, functions it knows as views (for
example registered with ``add_url_rule``) are marked as views too.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from architect_tui.rules.auth import hook_enforces_auth, is_auth_decorator
from architect_tui.rules.import_graph import import_cycles
from architect_tui.rules.traverse import Positions, visit_batched

if TYPE_CHECKING:
    from architect_tui.analysis.model import ProjectMap, Route

ROUTE_METHODS = {"route", "get", "post", "put", "patch", "delete"}
HOOK_NAMES = {
    "before_request",
    "before_app_request",
    "after_request",
    "after_app_request",
    "teardown_request",
    "teardown_app_request",
    "errorhandler",
    "app_errorhandler",
    "context_processor",
    "app_context_processor",
    "url_value_preprocessor",
    "url_defaults",
}
VIEW_CLASS_BASES = {
    "flask.views.MethodView",
    "flask.views.View",
    "flask_restful.Resource",
    "flask_restx.Resource",
}
HTTP_METHOD_NAMES = {"get", "post", "put", "patch", "delete"}
FLASK_REQUEST_NAMES = {"flask.request", "flask.g", "flask.session", "flask.current_app"}
UNSAFE_LAZY = {"select", "dynamic", "true"}
OWNER_COLUMNS = {"user_id", "owner_id", "customer_id", "author_id"}
WRITES = re.compile(r"(session\.(commit|add|delete|merge|add_all)\(|\.commit\(\))")
MAIL = re.compile(r"(smtplib\.SMTP|\.send_message\(|\.sendmail\(|mail\.send\()")
# Work handed to a thread or a queue: a mail helper that does this does not block the request.
BACKGROUND = re.compile(r"(Thread\(|\.delay\(|\.apply_async\(|\.enqueue\w*\(|\.submit\(|\.spawn\()")
CLI_DECORATORS = {"command", "group", "option", "argument", "shell_command"}
TASK_DECORATORS = {"task", "shared_task", "periodic_task", "job", "actor", "scheduled_job", "cron"}
TASK_LIBRARIES = ("celery", "dramatiq", "huey", "rq", "apscheduler", "flask_apscheduler")
STARTUP_NAMES = re.compile(r"^(create_app|make_app|init_app|setup_app|configure_app|app_factory)$")
STARTUP_PREFIXES = ("init_", "register_", "configure_", "setup_", "load_", "install_")
TEST_DIRS = {"tests", "test", "testing"}
MIGRATION_DIRS = {"migrations", "alembic", "versions", "migrate"}
SCRIPT_DIRS = {"scripts", "script", "bin", "tools", "contrib", "examples", "docs"}
SCRIPT_FILES = re.compile(r"^(manage|setup|fabfile|tasks|noxfile|populate\w*|fake\w*|seed\w*)\.py$")


# Exact type tests in the helpers every rule calls on every node: isinstance() against
# LibCST's classes goes through ABCMeta, slow when the answer is no; parsed trees hold no
# subclasses of these.
_NAME, _ATTRIBUTE, _STRING, _CONCATENATED = (
    cst.Name,
    cst.Attribute,
    cst.SimpleString,
    cst.ConcatenatedString,
)


def dotted(node: cst.CSTNode | None) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    kind = type(node)
    if kind is _NAME:
        return node.value  # type: ignore[union-attr]
    if kind is _ATTRIBUTE:
        base = dotted(node.value)  # type: ignore[union-attr]
        return None if base is None else f"{base}.{node.attr.value}"  # type: ignore[union-attr]
    return None


def string_value(node: cst.CSTNode | None) -> str | None:
    """The value of a plain (or implicitly concatenated) string literal, else None."""
    kind = type(node)
    if kind is _STRING:
        return _plain_string(node.value)  # type: ignore[union-attr]
    if kind is _CONCATENATED:
        left, right = string_value(node.left), string_value(node.right)  # type: ignore[union-attr]
        return None if left is None or right is None else left + right
    return None


def _plain_string(literal: str) -> str | None:
    """The value of a str literal as written (``SimpleString.value``); None for bytes.
    LibCST's ``evaluated_value`` runs ``ast.literal_eval`` (a compile) on every call; a
    literal without backslashes or carriage returns is its own text between the quotes."""
    quote = min((i for i in (literal.find("'"), literal.find('"')) if i >= 0), default=-1)
    if quote < 0:
        return None
    prefix = literal[:quote].lower()
    if "b" in prefix:
        return None
    if "\\" in literal or "\r" in literal or "f" in prefix:
        try:
            value = ast.literal_eval(literal)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
        return value if isinstance(value, str) else None
    body = literal[quote:]
    width = 3 if body[:3] in ('"""', "'''") and len(body) >= 6 else 1
    return body[width:-width]


def file_kind(path: str) -> str:
    """Where a file's code runs, from its path: "test", "migration", "script" or "code"."""
    parts = path.split("/")
    name = parts[-1]
    folders = {p.lower() for p in parts[:-1]}
    if folders & TEST_DIRS or name.startswith("test_") or name.endswith("_test.py"):
        return "test"
    if name == "conftest.py":
        return "test"
    if folders & MIGRATION_DIRS:
        return "migration"
    if folders & SCRIPT_DIRS or SCRIPT_FILES.match(name):
        return "script"
    return "code"


def module_name(path: str) -> str:
    parts = path[:-3].split("/") if path.endswith(".py") else path.split("/")
    if parts and parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@dataclass(eq=False, slots=True)
class FunctionInfo:
    """A function as the rules see it: is it a view, a hook, code that runs per request?"""

    node: cst.FunctionDef
    name: str
    line: int
    is_view: bool = False
    is_hook: bool = False
    request_code: bool = False
    methods: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    blueprint: str | None = None  # resolved dotted name of the route decorator's receiver
    decorators: tuple[str, ...] = ()  # resolved dotted names of the other decorators
    class_name: str | None = None
    returns_json: bool = False
    restful: bool = False  # a Flask-RESTful/RESTX Resource method: answers JSON by construction
    # Where it runs: "request" (view, hook), "cli" (a click/Flask-Script command), "task"
    # (Celery/RQ/dramatiq), "startup" (factory and init helpers), "script" (a __main__ block),
    # or "unknown" (a helper: it may be called from a request).
    runs: str = "unknown"
    qualified: str = ""  # module.function for module-level functions, else ""
    owner_class: str | None = None  # the class a method is defined in, view class or not

    @property
    def auth_decorators(self) -> tuple[str, ...]:
        return tuple(d for d in self.decorators if is_auth_decorator(d))


@dataclass(slots=True)
class BlueprintDecl:
    key: str  # module.variable
    name: str | None
    url_prefix: str | None
    line: int


@dataclass(slots=True)
class FileFacts:
    """What one module declares, keyed by LibCST node identity where rules look nodes up."""

    path: str
    module: str
    kind: str = "code"  # file_kind(): code, test, migration, script
    aliases: dict[str, str] = field(default_factory=dict)
    functions: dict[cst.FunctionDef, FunctionInfo] = field(default_factory=dict)
    # child id -> parent, for every node, while the rules judge this file (engine.check_file
    # fills it and empties it after: kept for every file it would cost a fifth of a check's
    # memory). By id: LibCST's __hash__ is a Python call per lookup; the tree outlives it.
    parents: dict[int, cst.CSTNode] = field(default_factory=dict, repr=False)
    blueprints: dict[str, BlueprintDecl] = field(default_factory=dict)
    auth_hooks: set[str] = field(default_factory=set)  # receivers whose before_request checks auth
    imports: list[tuple[str, int]] = field(default_factory=list)  # module-level candidates
    module_level_apps: list[int] = field(default_factory=list)
    error_handlers: set[str] = field(default_factory=set)
    relationships: set[str] = field(default_factory=set)
    uses_flask_wtf: bool = False
    csrf_protect: bool = False
    has_factory: bool = False
    returns_json: bool = False
    owned_models: set[str] = field(default_factory=set)
    writer_functions: set[str] = field(default_factory=set)
    mail_functions: set[str] = field(default_factory=set)
    catch_all_swallows: bool = False  # errorhandler(Exception) that also eats HTTPException
    late_imports: set[int] = field(default_factory=set)  # module-level imports after code
    indexed_columns: set[str] = field(default_factory=set)  # first columns of Index(...)
    # names bound by something other than an import (assignment, parameter, def, loop...):
    # a rule resolving such a name by the import table alone could be fooled by shadowing
    rebound: set[str] = field(default_factory=set)
    mysql: bool = False  # names a MySQL URL (InnoDB indexes foreign keys by itself)

    def resolve(self, name: str | None) -> str | None:
        if name is None:
            return None
        head, _, rest = name.partition(".")
        if head in self.aliases:
            return self.aliases[head] + (f".{rest}" if rest else "")
        return f"{self.module}.{name}" if self.module else name

    @property
    def views(self) -> list[FunctionInfo]:
        return [f for f in self.functions.values() if f.is_view]

    def without_trees(self) -> FileFacts:
        """These facts as another process or a later run needs them: what the functions are,
        not their nodes (rules read other files' views by name, rule and decorators only)."""
        return dataclasses.replace(
            self,
            functions={
                i: dataclasses.replace(info, node=None)  # type: ignore[misc]
                for i, info in enumerate(self.functions.values())
            },
            parents={},
        )


@dataclass(slots=True)
class ProjectFacts:
    files: dict[str, FileFacts] = field(default_factory=dict)
    modules: dict[str, str] = field(default_factory=dict)  # module name -> path
    cycle_edges: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    uses_flask_wtf: bool = False
    global_csrf: bool = False
    error_handlers: set[str] = field(default_factory=set)
    relationships: set[str] = field(default_factory=set)
    json_api: bool = False
    has_factory: bool = False
    auth_hooks: set[str] = field(default_factory=set)  # resolved receivers (blueprint or app)
    app_keys: set[str] = field(default_factory=set)
    owned_models: set[str] = field(default_factory=set)
    writer_functions: set[str] = field(default_factory=set)
    mail_functions: set[str] = field(default_factory=set)
    catch_all_swallows: bool = False
    edge_lines: dict[tuple[str, str], list[tuple[int, bool]]] = field(default_factory=dict)
    indexed_columns: set[str] = field(default_factory=set)
    mysql: bool = False
    sources: Mapping[str, str] = field(default_factory=dict, repr=False)  # path -> text
    # Indexes over all files, built on first use (after the map has marked its views): rules
    # ask per view, and scanning every file each time is quadratic on a large project.
    _views: dict[str, list[FunctionInfo]] | None = field(default=None, init=False, repr=False)
    _blueprints: dict[str, BlueprintDecl] | None = field(default=None, init=False, repr=False)
    _roots: frozenset[str] | None = field(default=None, init=False, repr=False)
    _routes: tuple[dict[str, list[Route]], dict[str | None, list[Route]]] | None = field(
        default=None, init=False, repr=False
    )

    def map_routes(
        self, project: ProjectMap
    ) -> tuple[dict[str, list[Route]], dict[str | None, list[Route]]]:
        """The map's routes by file and by blueprint (the map does not change during a check)."""
        if self._routes is None:
            by_file: dict[str, list[Route]] = {}
            by_blueprint: dict[str | None, list[Route]] = {}
            for route in project.routes:
                by_file.setdefault(route.span.file, []).append(route)
                by_blueprint.setdefault(route.blueprint, []).append(route)
            self._routes = (by_file, by_blueprint)
        return self._routes

    def views_of(self, blueprint: str | None) -> list[FunctionInfo]:
        if blueprint is None:
            return []
        if self._views is None:
            self._views = {}
            for f in self.files.values():
                for v in f.views:
                    if v.blueprint is not None:
                        self._views.setdefault(v.blueprint, []).append(v)
        return list(self._views.get(blueprint, ()))

    def blueprint(self, key: str | None) -> BlueprintDecl | None:
        if key is None:
            return None
        return self.blueprints().get(key)

    def blueprints(self) -> dict[str, BlueprintDecl]:
        """Every blueprint declared in the project, by key (the first file that declares it)."""
        if self._blueprints is None:
            self._blueprints = {}
            for f in self.files.values():
                for key, decl in f.blueprints.items():
                    self._blueprints.setdefault(key, decl)
        return self._blueprints

    def imported_roots(self) -> frozenset[str]:
        """The top-level packages the project imports anywhere (``sqlalchemy``, ``sqlite3``)."""
        if self._roots is None:
            self._roots = frozenset(
                v.split(".")[0] for f in self.files.values() for v in f.aliases.values()
            )
        return self._roots


class _Collector(cst.BatchableCSTVisitor):
    """One plain pass over a module (``traverse.visit_batched``: no tree rebuilt)."""

    def __init__(self, facts: FileFacts, module: cst.Module, positions: Positions) -> None:
        super().__init__()
        self.f = facts
        self.module = module
        self.positions = positions
        self.depth = 0  # function nesting
        self.classes: list[cst.ClassDef] = []
        self.guard = 0  # inside `if TYPE_CHECKING:`
        self.stack: list[cst.CSTNode] = []
        self.seen_code = False  # a module-level def/class/assignment came before
        self.open_functions: list[FunctionInfo] = []
        self.writes: set[int] = set()
        self.mails: set[int] = set()
        self.background: set[int] = set()
        self.main_block = 0  # inside `if __name__ == "__main__":`

    def before_visit(self, node: cst.CSTNode) -> None:
        if (
            len(self.stack) in {1, 2}
            and isinstance(node, cst.FunctionDef | cst.ClassDef | cst.Assign)
            and not self.classes
            and self.depth == 0
        ):
            self.seen_code = True
        self.stack.append(node)

    def after_leave(self, original_node: cst.CSTNode) -> None:
        self.stack.pop()

    # imports ------------------------------------------------------------------------------
    def _package(self) -> str:
        return (
            self.f.module
            if self.f.path.endswith("__init__.py")
            else self.f.module.rpartition(".")[0]
        )

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = dotted(alias.name) or ""
            local = alias.evaluated_alias or name.split(".")[0]
            self.f.aliases[local] = name if alias.asname else name.split(".")[0]
            if self.depth == 0 and not self.guard:
                self.f.imports.append((name, self._line(node)))
        self._note_late(node)
        self._note_module(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        base = dotted(node.module) or ""
        if node.relative:
            package = self._package()
            for _ in range(len(node.relative) - 1):
                package = package.rpartition(".")[0]
            base = ".".join(p for p in (package, base) if p)
        if base.startswith("flask_wtf"):
            self.f.uses_flask_wtf = True
        names = [] if isinstance(node.names, cst.ImportStar) else list(node.names)
        for alias in names:
            name = dotted(alias.name) or ""
            self.f.aliases[alias.evaluated_alias or name] = f"{base}.{name}"
            if self.depth == 0 and not self.guard:
                self.f.imports.append((f"{base}.{name}", self._line(node)))
        if not names and self.depth == 0 and not self.guard:
            self.f.imports.append((base, self._line(node)))
        self._note_late(node)

    def _note_late(self, node: cst.CSTNode) -> None:
        if self.depth == 0 and not self.classes and self.seen_code:
            self.f.late_imports.add(self._line(node))

    def _note_module(self, node: cst.Import) -> None:
        for alias in node.names:
            if (dotted(alias.name) or "").startswith("flask_wtf"):
                self.f.uses_flask_wtf = True

    def visit_If(self, node: cst.If) -> None:
        if "TYPE_CHECKING" in (dotted(node.test) or ""):
            self.guard += 1
        if is_main_test(node.test):
            self.main_block += 1

    def leave_If(self, original_node: cst.If) -> None:
        if "TYPE_CHECKING" in (dotted(original_node.test) or ""):
            self.guard -= 1
        if is_main_test(original_node.test):
            self.main_block -= 1

    # classes and functions ----------------------------------------------------------------
    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)
        self.f.rebound.add(node.name.value)
        for stmt in node.body.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if (
                        isinstance(small, cst.Assign)
                        and dotted(small.targets[0].target) in OWNER_COLUMNS
                    ):
                        self.f.owned_models.add(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = FunctionInfo(node=node, name=node.name.value, line=self._line(node))
        self.f.rebound.add(node.name.value)
        if self.classes and self.depth == 0:
            info.owner_class = self.classes[-1].name.value
        if self.depth == 0 and not self.classes and node.name.value in {"create_app", "make_app"}:
            self.f.has_factory = True
        decorators: list[str] = []
        for dec in node.decorators:
            expr = dec.decorator
            call = expr if isinstance(expr, cst.Call) else None
            target = call.func if call else expr
            name = dotted(target) or ""
            receiver, _, attr = name.rpartition(".")
            if receiver and attr in ROUTE_METHODS and call is not None:
                info.is_view = True
                info.blueprint = self.f.resolve(receiver)
                rule = string_value(call.args[0].value) if call.args else None
                info.rules += (rule,) if rule is not None else ()
                info.methods = tuple(sorted(set(info.methods) | set(_methods(call, attr))))
            elif receiver and attr in HOOK_NAMES:
                info.is_hook = True
                self._hook(receiver, attr, call, node)
            else:
                decorators.append(self.f.resolve(name) or name)
        info.decorators = tuple(decorators)
        info.runs = self._runs(info, node)
        if self.depth == 0 and not self.classes:
            info.qualified = f"{self.f.module}.{info.name}" if self.f.module else info.name
        if self.classes and node.name.value in HTTP_METHOD_NAMES:
            bases = {self.f.resolve(dotted(b.value)) for b in self.classes[-1].bases}
            if bases & VIEW_CLASS_BASES:
                info.is_view = True
                info.class_name = self.classes[-1].name.value
                info.restful = bool(bases & {"flask_restful.Resource", "flask_restx.Resource"})
                info.methods = (node.name.value.upper(),)
                info.decorators += tuple(self._class_decorators(self.classes[-1]))
        info.request_code = info.is_view or info.is_hook
        if info.request_code:
            info.runs = "request"
        self.f.functions[node] = info
        self.open_functions.append(info)
        self.depth += 1

    def _runs(self, info: FunctionInfo, node: cst.FunctionDef) -> str:
        """Where this function runs: its decorators, its name, or the function around it."""
        for name in info.decorators:
            last = name.rpartition(".")[2]
            if last in CLI_DECORATORS or name.startswith(("click.", "typer.")) or ".cli." in name:
                return "cli"
            if last in TASK_DECORATORS or name.startswith(TASK_LIBRARIES):
                return "task"
        if self.open_functions:
            return self.open_functions[-1].runs
        if self.main_block:
            return "script"
        if self.classes:
            bases = {dotted(b.value) or "" for b in self.classes[-1].bases}
            if any(b.rpartition(".")[2] in {"Command", "Task"} for b in bases):
                return "cli" if any(b.endswith("Command") for b in bases) else "task"
            return "unknown"
        if STARTUP_NAMES.match(info.name) or info.name.startswith(STARTUP_PREFIXES):
            return "startup"
        return "unknown"

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.depth -= 1
        info = self.open_functions.pop()
        if info.qualified and id(info) in self.writes:
            self.f.writer_functions.add(info.qualified)
        if info.qualified and id(info) in self.mails and id(info) not in self.background:
            self.f.mail_functions.add(info.qualified)

    # What the body of every open function does; marked as the calls and names go by, so
    # no function body is re-read or re-printed.
    def _mark(self, flag: str) -> None:
        for info in self.open_functions:
            if flag == "json":
                info.returns_json = True
            elif flag == "request":
                if info.runs in {"request", "unknown"}:
                    info.request_code = True
            elif flag == "write":
                self.writes.add(id(info))
            elif flag == "mail":
                self.mails.add(id(info))
            elif flag == "background":
                self.background.add(id(info))

    def visit_Param(self, node: cst.Param) -> None:
        self.f.rebound.add(node.name.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._rebind(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._rebind(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._rebind(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._rebind(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._rebind(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._rebind(node.asname.name)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self._rebind(node.name.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._rebind(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        self.f.rebound |= {n.name.value for n in node.names}

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.f.rebound |= {n.name.value for n in node.names}

    def _rebind(self, target: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name):
            self.f.rebound.add(target.value)
        elif isinstance(target, cst.Tuple | cst.List):
            for el in target.elements:
                self._rebind(el.value)
        elif isinstance(target, cst.StarredElement):
            self._rebind(target.value)

    def visit_Name(self, node: cst.Name) -> None:
        if self.open_functions and self.f.resolve(node.value) in FLASK_REQUEST_NAMES:
            self._mark("request")

    def _class_decorators(self, cls: cst.ClassDef) -> Iterable[str]:
        """``decorators = [login_required]`` on a MethodView applies to every method."""
        for stmt in cls.body.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if (
                        isinstance(small, cst.Assign)
                        and dotted(small.targets[0].target) in {"decorators", "method_decorators"}
                        and isinstance(small.value, cst.List | cst.Tuple)
                    ):
                        for el in small.value.elements:
                            name = dotted(el.value)
                            if name:
                                yield self.f.resolve(name) or name

    def _hook(self, receiver: str, attr: str, call: cst.Call | None, fn: cst.FunctionDef) -> None:
        if attr in {"errorhandler", "app_errorhandler"} and call is not None and call.args:
            key = _error_key(call.args[0].value)
            self.f.error_handlers.add(key)
            body = self.module.code_for_node(fn.body)
            if key in {"Exception", "BaseException"} and "HTTPException" not in body:
                self.f.catch_all_swallows = True
        if attr in {"before_request", "before_app_request"}:
            body = self.module.code_for_node(fn.body)
            guarded = any(
                is_auth_decorator(dotted(_callee(d.decorator)) or "") for d in fn.decorators
            )
            if guarded or hook_enforces_auth(body):
                key = self.f.resolve(receiver) or receiver
                self.f.auth_hooks.add("*" if attr == "before_app_request" else key)

    # calls and assignments ----------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        resolved = self.f.resolve(name) or ""
        last = name.rpartition(".")[2]
        if self.open_functions:
            if WRITES.search(name + "(") or (last == "commit" and not node.args):
                self._mark("write")
            if MAIL.search(name + "(") or resolved.startswith("smtplib.SMTP"):
                self._mark("mail")
            if BACKGROUND.search(name + "("):
                self._mark("background")
            if last == "jsonify":
                self._mark("json")
        if resolved == "flask.Flask" and self.depth == 0:
            self.f.module_level_apps.append(self._line(node))
        elif resolved.endswith("CSRFProtect") or (last == "init_app" and "csrf" in name.lower()):
            self.f.csrf_protect = True
        elif last == "register_error_handler" and node.args:
            self.f.error_handlers.add(_error_key(node.args[0].value))
        elif last == "jsonify" or resolved == "flask.jsonify":
            self.f.returns_json = True
        elif last in {"Index", "UniqueConstraint", "PrimaryKeyConstraint"} and node.args:
            # the first column leads the index: it serves lookups on that column alone
            columns = [a for a in node.args if a.keyword is None]
            first = columns[1 if last == "Index" else 0] if len(columns) > (last == "Index") else None
            if first is not None:
                col = string_value(first.value) or dotted(first.value) or ""
                self.f.indexed_columns.add(col.rpartition(".")[2])
        elif last in {"before_request", "before_app_request"} and node.args:
            # app.before_request(check_auth): registration by call
            target = dotted(node.args[0].value) or ""
            if any(w in target.lower() for w in ("auth", "login", "token", "user")):
                receiver = name.rpartition(".")[0]
                self.f.auth_hooks.add(
                    "*" if last == "before_app_request" else (self.f.resolve(receiver) or receiver)
                )

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if not isinstance(value, cst.Call):
            return
        callee = self.f.resolve(dotted(value.func)) or ""
        target = dotted(node.targets[0].target)
        if callee == "flask.Blueprint" and target and self.depth == 0:
            name = string_value(value.args[0].value) if value.args else None
            prefix = next(
                (
                    string_value(a.value)
                    for a in value.args
                    if a.keyword and a.keyword.value == "url_prefix"
                ),
                None,
            )
            key = f"{self.f.module}.{target}"
            self.f.blueprints[key] = BlueprintDecl(key, name, prefix, self._line(node))
        if callee.endswith("relationship") and target:
            lazy = "select"
            for arg in value.args:
                if arg.keyword and arg.keyword.value == "lazy":
                    lazy = (string_value(arg.value) or dotted(arg.value) or "select").lower()
                if arg.keyword and arg.keyword.value == "backref":
                    backref = string_value(arg.value)
                    if backref:
                        self.f.relationships.add(backref)
            if lazy in UNSAFE_LAZY:
                self.f.relationships.add(target.rpartition(".")[2])

    def _line(self, node: cst.CSTNode) -> int:
        return self.positions.line(node)


def _is_route_decorator(decorator: str) -> bool:
    callee = decorator.split("(", 1)[0]
    return callee.rpartition(".")[2] in ROUTE_METHODS | {"doc", "expect", "marshal_with", "response"}


def is_main_test(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    left, right = dotted(test.left), test.comparisons[0].comparator
    if left == "__name__":
        return string_value(right) == "__main__"
    return dotted(right) == "__name__" and string_value(test.left) == "__main__"


def _callee(expr: cst.BaseExpression) -> cst.BaseExpression:
    return expr.func if isinstance(expr, cst.Call) else expr


def _methods(call: cst.Call, attr: str) -> list[str]:
    if attr != "route":
        return [attr.upper()]
    for arg in call.args:
        if (
            arg.keyword
            and arg.keyword.value == "methods"
            and isinstance(arg.value, cst.List | cst.Tuple | cst.Set)
        ):
            return [
                (string_value(el.value) or "").upper()
                for el in arg.value.elements
                if string_value(el.value)
            ]
    return ["GET"]


def _error_key(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Integer):
        return node.value
    name = dotted(node)
    return name.rpartition(".")[2] if name else "?"


def collect_file_facts(
    path: str, module: cst.Module, positions: Positions, text: str = ""
) -> FileFacts:
    facts = FileFacts(path=path, module=module_name(path), kind=file_kind(path))
    facts.mysql = "mysql://" in text or "mysql+" in text
    collector = _Collector(facts, module, positions)
    visit_batched(module, [collector], collector.before_visit, collector.after_leave)
    return facts


def collect_project_facts(
    files: dict[str, FileFacts], project: ProjectMap | None = None
) -> ProjectFacts:
    """Join the per-file facts: import cycles, CSRF and error-handler coverage, auth hooks."""
    facts = ProjectFacts(files=files)
    facts.modules = {f.module: path for path, f in files.items()}
    for f in files.values():
        facts.uses_flask_wtf |= f.uses_flask_wtf
        facts.global_csrf |= f.csrf_protect
        facts.error_handlers |= f.error_handlers
        facts.relationships |= f.relationships
        facts.has_factory |= f.has_factory
        facts.auth_hooks |= f.auth_hooks
        facts.owned_models |= f.owned_models
        facts.writer_functions |= f.writer_functions
        facts.mail_functions |= f.mail_functions
        facts.catch_all_swallows |= f.catch_all_swallows
        facts.indexed_columns |= f.indexed_columns
        facts.mysql |= f.mysql
    if project is not None:
        _apply_map(facts, project)
    views = [v for f in files.values() for v in f.views]
    json_views = [v for v in views if v.returns_json or v.restful]
    api_blueprints = any(
        "api" in f"{b.name} {b.url_prefix}".lower()
        for f in files.values()
        for b in f.blueprints.values()
    )
    facts.json_api = (api_blueprints and bool(json_views)) or (
        len(json_views) >= 2 and 2 * len(json_views) >= len(views)
    )
    facts.cycle_edges = import_cycles(facts)
    return facts


def _apply_map(facts: ProjectFacts, project: ProjectMap) -> None:
    """Views the map knows (``add_url_rule``, ``add_resource``) count as views here too."""
    for route in project.routes:
        file = facts.files.get(route.span.file)
        if file is None or route.kind == "static":
            continue
        # decorators the map knows beyond the function's own: a Resource's or MethodView's
        # ``decorators``/``method_decorators``, inherited from a base class in another file
        extra = tuple(
            d.split("(", 1)[0] for d in route.decorators if not _is_route_decorator(d)
        )
        for info in file.functions.values():
            in_span = route.span.line <= info.line <= route.span.end_line
            if not in_span or route.view not in {info.name, info.owner_class}:
                continue
            method = info.owner_class == route.view
            if method and info.name not in HTTP_METHOD_NAMES:
                continue  # a helper method of the view class
            known = {d.rpartition(".")[2] for d in info.decorators}
            info.decorators += tuple(d for d in extra if d.rpartition(".")[2] not in known)
            if method and not info.is_view:  # a view class through a project base class
                info.is_view = info.request_code = True
                info.runs = "request"
                info.class_name = info.owner_class
                info.restful = route.kind in {"restful", "restx"}
                info.methods = (info.name.upper(),)
            elif info.name == route.view and not info.is_view:
                info.is_view = True
                info.request_code = True
                info.runs = "request"
                info.methods = route.methods
                info.rules = (route.rule,)
        for hook in route.hooks:
            if hook.kind in {"before_request", "before_app_request"}:
                hook_file = facts.files.get(hook.span.file)
                if hook_file is None:
                    continue
                for info in hook_file.functions.values():
                    if info.name == hook.function and info.line >= hook.span.line:
                        info.is_hook = info.request_code = True
