"""The Flask project map: plain values that every other layer reads.

These dataclasses are the contract between the static reader and its users (the TUI, the review
context builder, the offline rules, the ``routes --json`` command). They hold no behaviour beyond
serialisation and lookups, so they can be cached, compared in tests and sent across processes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
RouteKind = Literal["function", "view_class", "restful", "restx", "static", "missing"]
HookKind = Literal[
    "before_request",
    "after_request",
    "teardown_request",
    "errorhandler",
    "context_processor",
    "url_value_preprocessor",
    "url_defaults",
    "before_app_request",
    "after_app_request",
    "teardown_app_request",
    "app_errorhandler",
    "app_context_processor",
    "app_url_value_preprocessor",
    "app_url_defaults",
]


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A line range in a project file; ``file`` is project-relative with POSIX separators."""

    file: str
    line: int
    end_line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something the reader could not know statically, or a file it had to skip."""

    severity: Severity
    file: str
    line: int
    message: str


@dataclass(slots=True)
class Hook:
    """A request hook or error handler: the pieces of a route's request pipeline."""

    kind: HookKind
    owner: str  # app name or blueprint name that registered it
    scope: Literal["app", "blueprint"]
    function: str
    span: SourceSpan
    applies_app_wide: bool = False  # before_app_request & co. on a blueprint
    error: str | None = None  # for error handlers: the code or exception class as written


@dataclass(slots=True)
class App:
    """A Flask application object: a module-level ``Flask(...)`` or one built by a factory."""

    name: str  # the variable name the app is bound to ("app")
    factory: str | None  # the factory function's name, or None for a module-level app
    span: SourceSpan
    import_name: str | None = None


@dataclass(slots=True)
class Blueprint:
    """One registration of a blueprint, as Flask sees it after ``register_blueprint``.

    A blueprint registered twice appears twice (with different ``url_prefix`` or ``name``), the
    way Flask builds two sets of rules. An unregistered blueprint appears once with
    ``registered=False`` and contributes no routes.
    """

    name: str  # the name as registered (own name, or register_blueprint(name=...))
    full_name: str  # dotted, as used in endpoints: "parent.child"
    span: SourceSpan  # the Blueprint(...) constructor call
    variable: str  # the variable the blueprint object is bound to
    url_prefix: str | None  # the prefix of this registration (register kwarg wins over ctor)
    full_prefix: str  # all parents' prefixes joined with this one
    parent: str | None  # full_name of the parent blueprint, None when registered on the app
    app: str | None  # the app it ends up on
    subdomain: str | None = None
    registered_at: SourceSpan | None = None
    registered: bool = True


@dataclass(slots=True)
class Route:
    """One rule as Flask's ``url_map`` would hold it, with where its code lives."""

    rule: str
    methods: tuple[str, ...]  # sorted, upper case, without HEAD and OPTIONS
    endpoint: str
    blueprint: str | None  # full dotted blueprint name, None for app routes
    view: str  # function or class name ("UserAPI", "login")
    kind: RouteKind
    span: SourceSpan  # the view, decorators included
    app: str | None = None
    decorators: tuple[
        str, ...
    ] = ()  # as written, without "@": ("bp.route('/x')", "login_required")
    prefix_chain: tuple[str, ...] = ()  # prefixes outermost first: ("/api", "/v1")
    registered_at: SourceSpan | None = None  # the decorator/add_url_rule/add_resource line
    hooks: tuple[Hook, ...] = ()  # the request pipeline around this route, outermost first


@dataclass(slots=True)
class ProjectMap:
    """Everything the static reader learned about one project."""

    root: Path
    apps: list[App] = field(default_factory=list)
    blueprints: list[Blueprint] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    hooks: list[Hook] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every Python file considered, relative

    def route_by_endpoint(self, endpoint: str) -> Route | None:
        return next((r for r in self.routes if r.endpoint == endpoint), None)

    def routes_of(self, blueprint_full_name: str | None) -> list[Route]:
        return [r for r in self.routes if r.blueprint == blueprint_full_name]

    def blueprint_by_name(self, full_name: str) -> Blueprint | None:
        return next((b for b in self.blueprints if b.full_name == full_name), None)

    def to_json(self) -> dict[str, Any]:
        """The ``architect routes --json`` contract (see DESIGN.md section 4)."""
        return {
            "project": str(self.root),
            "apps": [
                {"name": a.name, "factory": a.factory, "file": a.span.file, "line": a.span.line}
                for a in self.apps
            ],
            "blueprints": [
                {
                    "name": b.name,
                    "full_name": b.full_name,
                    "file": b.span.file,
                    "line": b.span.line,
                    "url_prefix": b.url_prefix,
                    "full_prefix": b.full_prefix,
                    "parent": b.parent,
                    "app": b.app,
                    "registered": b.registered,
                    "registered_at": _span_json(b.registered_at),
                }
                for b in self.blueprints
            ],
            "routes": [route_json(r) for r in self.routes],
            "diagnostics": [asdict(d) for d in self.diagnostics],
        }


def route_json(r: Route) -> dict[str, Any]:
    """One route object of the ``routes --json`` contract (also ROUTE in ``diff --json``)."""
    return {
        "rule": r.rule,
        "methods": list(r.methods),
        "endpoint": r.endpoint,
        "blueprint": r.blueprint,
        "app": r.app,
        "view": r.view,
        "kind": r.kind,
        "file": r.span.file,
        "line": r.span.line,
        "end_line": r.span.end_line,
        "decorators": list(r.decorators),
        "prefix_chain": list(r.prefix_chain),
        "registered_at": _span_json(r.registered_at),
        "hooks": [_hook_json(h) for h in r.hooks],
    }


def _span_json(span: SourceSpan | None) -> dict[str, Any] | None:
    return (
        None if span is None else {"file": span.file, "line": span.line, "end_line": span.end_line}
    )


def _hook_json(hook: Hook) -> dict[str, Any]:
    return {
        "kind": hook.kind,
        "owner": hook.owner,
        "function": hook.function,
        "file": hook.span.file,
        "line": hook.span.line,
        "error": hook.error,
    }
