"""Replay what the interpreter recorded the way Flask registers it, into the map's routes.

This mirrors ``Blueprint.register`` and ``BlueprintSetupState.add_url_rule`` (Flask 3.1):
prefixes are joined with exactly one slash, an empty rule takes the prefix as is, endpoints are
``name_prefix.name.endpoint``, a nested blueprint's prefix and subdomain are composed from its
parent's registration, ``register_blueprint(name=...)`` renames. A Flask-RESTful/RESTX ``Api`` on
a blueprint patches the setup state as those libraries do (plain concatenation, endpoint
``blueprint.name + "." + endpoint``), and Flask-RESTX adds its ``restx_doc`` static blueprint.
Anything unknown becomes a diagnostic at the line that made it unknown.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.interpreter import Interpreter
from architect_tui.analysis.libraries.flask import view_methods
from architect_tui.analysis.libraries.restful import complete_url, default_endpoint, resource_rule
from architect_tui.analysis.model import App, Blueprint, Hook, Route, SourceSpan
from architect_tui.analysis.values import (
    ApiInit,
    AppObj,
    AsView,
    BlueprintObj,
    BlueprintReg,
    ClassRef,
    External,
    FuncRef,
    HookRec,
    PartialRule,
    RuleRec,
    Site,
    Unknown,
)

_APP_WIDE = {
    "before_app_request",
    "after_app_request",
    "teardown_app_request",
    "app_errorhandler",
    "app_context_processor",
    "app_url_value_preprocessor",
    "app_url_defaults",
}


@dataclass
class _State:
    """One registration of a blueprint (Flask's ``BlueprintSetupState``)."""

    bp: BlueprintObj
    name: str  # dotted, as in endpoints
    self_name: str
    name_prefix: str
    url_prefix: Any
    subdomain: Any
    chain: tuple[_State, ...]  # ancestors, outermost first, then self
    raw_prefix: Any = None
    patched: bool = False
    hooks: list[HookRec] = field(default_factory=list)


@dataclass
class Composed:
    apps: list[App] = field(default_factory=list)
    blueprints: list[Blueprint] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    hooks: list[Hook] = field(default_factory=list)


class Composer:
    def __init__(self, interp: Interpreter) -> None:
        self.interp = interp
        self.out = Composed()
        self._route_states: list[tuple[Route, AppObj, tuple[_State, ...]]] = []
        self._app_hooks: dict[int, list[Hook]] = {}
        self._restx_done: set[int] = set()

    # ------------------------------------------------------------------ entry

    def compose(self) -> Composed:
        apps = self.interp.apps
        _unique_app_names(apps)
        for app in apps:
            self.out.apps.append(
                App(app.name, app.factory, _span(app.site), _str_or_none(app.import_name))
            )
            self._compose_app(app)
        self._orphans()
        self._attach_hooks()
        return self.out

    def _compose_app(
        self, app: AppObj, records: list[Any] | None = None, *, synthetic: bool = False
    ) -> None:
        self._app_hooks.setdefault(id(app), [])
        if not synthetic:
            self._static_route(app)
        for rec in app.records if records is None else records:
            if isinstance(rec, RuleRec):
                self._app_rule(app, rec)
            elif isinstance(rec, BlueprintReg):
                self._register(app, rec.child, dict(rec.options), None, rec.site)
            elif isinstance(rec, HookRec):
                self._app_hooks[id(app)].append(self._hook(rec, app.name, "app", False))
            elif isinstance(rec, ApiInit):
                for ns, resource, urls, kwargs, site in rec.api.pending:
                    endpoint = self._resource_endpoint(rec.api, resource, ns, kwargs)
                    for url in urls:
                        rule = complete_url(rec.api, url, "")
                        self._emit(
                            app,
                            None,
                            rule,
                            endpoint,
                            self._resource_rec(rec.api, resource, endpoint, kwargs, site),
                        )
        if app.restx_doc and id(app) not in self._restx_done:
            self._restx_done.add(id(app))
            doc_bp = BlueprintObj(
                "restx_doc",
                "flask_restx.apidoc",
                app.site,
                "apidoc",
                None,
                None,
                "static",
                "/swaggerui",
                synthetic=True,
            )
            self._register(app, doc_bp, {}, None, app.site)

    def _static_route(self, app: AppObj) -> None:
        folder = app.static_folder
        if folder is None:
            return
        url_path = app.static_url_path
        if url_path is None:
            if not isinstance(folder, str):
                self.interp.diag(
                    "info",
                    app.site.file,
                    app.site.line,
                    "static_folder is computed at run time; assuming its last part is 'static'",
                )
                folder = "static"
            url_path = ("/" + os.path.basename(folder.rstrip("/\\"))).rstrip("/")
        if not isinstance(url_path, str):
            self.interp.diag(
                "warning",
                app.site.file,
                app.site.line,
                "static_url_path is not known statically; static route not listed",
            )
            return
        rule = f"{url_path.rstrip('/')}/<path:filename>"
        if not rule.startswith("/"):
            self.interp.diag(
                "warning",
                app.site.file,
                app.site.line,
                f"static route {rule!r} not listed: Flask refuses rules that do not start with '/'",
            )
            return
        route = Route(
            rule,
            ("GET",),
            "static",
            None,
            "static",
            "static",
            _span(app.site),
            app.name,
            registered_at=_span(app.site),
        )
        self._add_route(route, app, ())

    # ------------------------------------------------------------------ rules

    def _app_rule(self, app: AppObj, rec: RuleRec) -> None:
        rule = rec.rule
        if isinstance(rule, PartialRule):
            rule = complete_url(rule.api, rule.url, "")
        self._emit(app, None, rule, rec.endpoint, rec)

    def _state_rule(self, app: AppObj, state: _State, rec: RuleRec) -> None:
        rule = rec.rule
        if isinstance(rule, PartialRule):
            rule = complete_url(rule.api, rule.url, state.url_prefix)
        elif state.patched:
            if isinstance(rule, str) and isinstance(state.url_prefix, str) and state.url_prefix:
                rule = state.url_prefix + rule
        elif state.url_prefix is not None and isinstance(rule, str):
            if rule:
                rule = "/".join((state.url_prefix.rstrip("/"), rule.lstrip("/")))
            else:
                rule = state.url_prefix
        self._emit(app, state, rule, rec.endpoint, rec)

    def _emit(
        self, app: AppObj, state: _State | None, rule: Any, endpoint: Any, rec: RuleRec
    ) -> None:
        site = rec.site
        if isinstance(rule, Unknown):
            self._diag_unknown(site, "route not listed: its rule", rule)
            return
        if not isinstance(rule, str):
            self.interp.diag(
                "warning", site.file, site.line, "route not listed: its rule is not a string"
            )
            return
        if endpoint is None:
            endpoint = _view_name(rec.view)
        if isinstance(endpoint, Unknown) or not isinstance(endpoint, str):
            why = endpoint if isinstance(endpoint, Unknown) else Unknown("not a string")
            self._diag_unknown(site, f"route {rule} not listed: its endpoint", why)
            return
        if state is not None:
            if state.patched:
                own = state.bp.name if isinstance(state.bp.name, str) else state.self_name
                endpoint = f"{own}.{endpoint}"
            else:
                endpoint = f"{state.name_prefix}.{state.self_name}.{endpoint}".lstrip(".")
        if not rule.startswith("/"):
            self.interp.diag(
                "warning",
                site.file,
                site.line,
                f"route {rule!r} not listed: Flask refuses rules that do not start with '/'",
            )
            return
        methods = rec.methods
        if methods is None:
            methods = view_methods(rec.view)
        if isinstance(methods, Unknown):
            self.interp.diag(
                "warning",
                site.file,
                site.line,
                f"methods of {rule} not known statically ({methods.why}); shown as GET",
            )
            methods = ("GET",)
        if not methods:
            methods = ("GET",)
        shown = tuple(sorted({m.upper() for m in methods} - {"HEAD", "OPTIONS"}))
        view_name, span, decorators = _view_info(rec)
        prefixes = (
            tuple(
                s.raw_prefix for s in state.chain if isinstance(s.raw_prefix, str) and s.raw_prefix
            )
            if state
            else ()
        )
        route = Route(
            rule=rule,
            methods=shown,
            endpoint=endpoint,
            blueprint=state.name if state else None,
            view=view_name,
            kind=rec.kind,  # type: ignore[arg-type]
            span=span,
            app=app.name,
            decorators=decorators,
            prefix_chain=prefixes,
            registered_at=_span(site),
        )
        self._add_route(route, app, state.chain if state else ())

    def _add_route(self, route: Route, app: AppObj, chain: tuple[_State, ...]) -> None:
        self.out.routes.append(route)
        self._route_states.append((route, app, chain))

    def _diag_unknown(self, site: Site, what: str, value: Unknown) -> None:
        where = (
            f" (line {value.line} of {value.file})"
            if value.file and (value.file, value.line) != (site.file, site.line)
            else ""
        )
        self.interp.diag(
            "warning", site.file, site.line, f"{what} is only known at run time: {value.why}{where}"
        )

    # ------------------------------------------------------------------ blueprints

    def _register(
        self, app: AppObj, bp: Any, options: dict[str, Any], parent: _State | None, site: Site
    ) -> None:
        if not isinstance(bp, BlueprintObj):
            return
        if len([s for s in (parent.chain if parent else ()) if s.bp is bp]) > 0:
            self.interp.diag(
                "warning", site.file, site.line, "a blueprint registered inside itself; ignored"
            )
            return
        name_prefix = options.get("name_prefix", "")
        self_name = options.get("name", bp.name)
        if not isinstance(self_name, str) or not isinstance(name_prefix, str):
            why = (
                self_name
                if isinstance(self_name, Unknown)
                else Unknown("blueprint name is not a string")
            )
            self._diag_unknown(site, "blueprint not listed: its name", why)
            return
        name = f"{name_prefix}.{self_name}".lstrip(".")
        raw_prefix = options.get("url_prefix")
        url_prefix = raw_prefix if raw_prefix is not None else bp.url_prefix
        own_prefix = options.get(
            "own_prefix", raw_prefix if raw_prefix is not None else bp.url_prefix
        )
        subdomain = options.get("subdomain")
        if subdomain is None:
            subdomain = bp.subdomain
        chain = (*(parent.chain if parent else ()),)
        state = _State(bp, name, self_name, name_prefix, url_prefix, subdomain, (), own_prefix)
        state.chain = (*chain, state)
        model = Blueprint(
            name=self_name,
            full_name=name,
            span=_span(bp.site),
            variable=bp.variable,
            url_prefix=own_prefix if isinstance(own_prefix, str) else None,
            full_prefix=url_prefix if isinstance(url_prefix, str) else "",
            parent=parent.name if parent else None,
            app=app.name,
            subdomain=subdomain if isinstance(subdomain, str) else None,
            registered_at=_span(site),
            registered=True,
        )
        self.out.blueprints.append(model)
        if url_prefix is not None and not isinstance(url_prefix, str):
            why = url_prefix if isinstance(url_prefix, Unknown) else Unknown("not a string")
            count = sum(1 for r in bp.records if isinstance(r, RuleRec))
            self._diag_unknown(
                site, f"url_prefix of blueprint {name!r} ({count} routes not listed)", why
            )
            return
        if bp.static_folder:
            self._blueprint_static(app, state)
        for rec in bp.records:
            if isinstance(rec, RuleRec):
                self._state_rule(app, state, rec)
            elif isinstance(rec, HookRec):
                state.hooks.append(rec)
            elif isinstance(rec, ApiInit):
                state.patched = True
                for ns, resource, urls, kwargs, res_site in rec.api.pending:
                    endpoint = self._resource_endpoint(rec.api, resource, ns, kwargs)
                    for url in urls:
                        self._state_rule(
                            app,
                            state,
                            self._resource_rec(
                                rec.api, resource, endpoint, kwargs, res_site, rule=url
                            ),
                        )
                if rec.api.flavour == "restx":
                    app.restx_doc = True
        for reg in bp.children:
            self._register(app, reg.child, self._child_options(state, reg), state, reg.site)

    def _child_options(self, state: _State, reg: BlueprintReg) -> dict[str, Any]:
        """Flask's nested registration: compose subdomain and url_prefix with the parent's."""
        child = reg.child
        opts = dict(reg.options)
        bp_url_prefix = opts.get("url_prefix")
        bp_subdomain = opts.get("subdomain")
        if bp_subdomain is None and isinstance(child, BlueprintObj):
            bp_subdomain = child.subdomain
        if isinstance(state.subdomain, str) and isinstance(bp_subdomain, str):
            opts["subdomain"] = bp_subdomain + "." + state.subdomain
        elif bp_subdomain is not None:
            opts["subdomain"] = bp_subdomain
        elif state.subdomain is not None:
            opts["subdomain"] = state.subdomain
        if bp_url_prefix is None and isinstance(child, BlueprintObj):
            bp_url_prefix = child.url_prefix
        opts["own_prefix"] = bp_url_prefix
        if state.url_prefix is not None and bp_url_prefix is not None:
            if isinstance(state.url_prefix, str) and isinstance(bp_url_prefix, str):
                opts["url_prefix"] = state.url_prefix.rstrip("/") + "/" + bp_url_prefix.lstrip("/")
            else:
                opts["url_prefix"] = (
                    bp_url_prefix if isinstance(bp_url_prefix, Unknown) else state.url_prefix
                )
        elif bp_url_prefix is not None:
            opts["url_prefix"] = bp_url_prefix
        elif state.url_prefix is not None:
            opts["url_prefix"] = state.url_prefix
        opts["name_prefix"] = state.name
        return opts

    def _blueprint_static(self, app: AppObj, state: _State) -> None:
        bp = state.bp
        url_path = bp.static_url_path
        if url_path is None and isinstance(bp.static_folder, str):
            url_path = ("/" + os.path.basename(bp.static_folder.rstrip("/\\"))).rstrip("/")
        if not isinstance(url_path, str):
            return
        rec = RuleRec(
            f"{url_path.rstrip('/')}/<path:filename>", "static", None, ("GET",), bp.site, "static"
        )
        self._state_rule(app, state, rec)

    # ------------------------------------------------------------------ RESTful / RESTX

    def _resource_endpoint(self, api: Any, resource: Any, ns: Any, kwargs: dict[str, Any]) -> Any:
        return kwargs.get("endpoint") or default_endpoint(api, resource)

    def _resource_rec(
        self,
        api: Any,
        resource: Any,
        endpoint: Any,
        kwargs: dict[str, Any],
        site: Site,
        rule: Any = None,
    ) -> RuleRec:
        return resource_rule(api, resource, endpoint, kwargs, site, rule)

    # ------------------------------------------------------------------ orphans and hooks

    def _orphans(self) -> None:
        """Blueprints never registered: listed as such; their routes are shown only when the
        registration could not be followed (then they are assumed registered with their own
        prefix, and a diagnostic says so)."""
        fallback = next((a for a in self.interp.apps if a.unknown_registrations), None)
        no_app = not self.interp.apps
        for bp in self.interp.blueprints:
            if bp.registered or bp.synthetic:
                continue
            routes = [r for r in bp.records if isinstance(r, RuleRec)]
            name = bp.name if isinstance(bp.name, str) else "?"
            if routes and (fallback is not None or no_app):
                host = fallback or AppObj("", None, bp.site, static_folder=None)
                self.interp.diag(
                    "info",
                    bp.site.file,
                    bp.site.line,
                    f"blueprint {name!r}: registration not found statically; its routes are listed with its own url_prefix",
                )
                self._compose_app(host, [BlueprintReg(bp, {}, bp.site)], synthetic=True)
                continue
            self.out.blueprints.append(
                Blueprint(
                    name=name,
                    full_name=name,
                    span=_span(bp.site),
                    variable=bp.variable,
                    url_prefix=bp.url_prefix if isinstance(bp.url_prefix, str) else None,
                    full_prefix=bp.url_prefix if isinstance(bp.url_prefix, str) else "",
                    parent=None,
                    app=None,
                    registered=False,
                )
            )
            if routes:
                self.interp.diag(
                    "warning",
                    bp.site.file,
                    bp.site.line,
                    f"blueprint {name!r} is never registered on an app: its {len(routes)} routes are not served",
                )

    def _attach_hooks(self) -> None:
        app_wide: dict[int, list[Hook]] = {}
        seen_states: dict[int, set[int]] = {}
        for _, app, chain in self._route_states:
            for state in chain:
                done = seen_states.setdefault(id(app), set())
                if id(state) in done:
                    continue
                done.add(id(state))
                for rec in state.hooks:
                    if rec.kind in _APP_WIDE:
                        app_wide.setdefault(id(app), []).append(
                            self._hook(rec, state.name, "blueprint", True)
                        )
        all_hooks: list[Hook] = []
        for app in self.interp.apps:
            all_hooks.extend(self._app_hooks.get(id(app), []))
            all_hooks.extend(app_wide.get(id(app), []))
        state_hooks: dict[int, list[Hook]] = {}
        for route, app, chain in self._route_states:
            pipeline = [*self._app_hooks.get(id(app), []), *app_wide.get(id(app), [])]
            for state in chain:
                if id(state) not in state_hooks:
                    state_hooks[id(state)] = [
                        self._hook(rec, state.name, "blueprint", False)
                        for rec in state.hooks
                        if rec.kind not in _APP_WIDE
                    ]
                    all_hooks.extend(state_hooks[id(state)])
                pipeline.extend(state_hooks[id(state)])
            route.hooks = tuple(pipeline)
        self.out.hooks = all_hooks

    def _hook(self, rec: HookRec, owner: str, scope: str, app_wide: bool) -> Hook:
        func = rec.func
        if isinstance(func, FuncRef):
            name, span = (
                func.name,
                SourceSpan(func.file, func.first_line, func.node.end_lineno or func.node.lineno),
            )
        else:
            name, span = _view_name_str(func), _span(rec.site)
        return Hook(rec.kind, owner, scope, name, span, app_wide, rec.error)  # type: ignore[arg-type]


def _unique_app_names(apps: list[AppObj]) -> None:
    """Two apps bound to ``app`` (two factories) get told apart: ``app:create_second``."""
    seen: set[str] = set()
    for app in apps:
        name = app.name
        if name in seen:
            where = f"{app.site.file}:{app.site.line}"
            name = f"{app.name}:{app.factory}" if app.factory else f"{app.name}:{where}"
            if name in seen:
                name = f"{name}:{where}"
        seen.add(name)
        app.name = name


def _span(site: Site) -> SourceSpan:
    return SourceSpan(site.file, site.line, max(site.end_line, site.line))


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _view_name(view: Any) -> Any:
    if isinstance(view, FuncRef):
        return view.name
    if isinstance(view, AsView):
        return view.name if isinstance(view.name, str) else Unknown("as_view() name")
    if isinstance(view, ClassRef):
        return view.name
    if isinstance(view, Unknown):
        return view
    return Unknown("a view function known at run time")


def _view_name_str(view: Any) -> str:
    name = _view_name(view)
    return name if isinstance(name, str) else "?"


def _view_info(rec: RuleRec) -> tuple[str, SourceSpan, tuple[str, ...]]:
    view = rec.view
    if isinstance(view, AsView):
        view = view.cls
    if isinstance(view, FuncRef | ClassRef):
        node = view.node
        decorators = tuple(_unparse(d) for d in getattr(node, "decorator_list", []))
        if isinstance(view, ClassRef):
            decorators += _class_view_decorators(view)
        elif isinstance(rec.resource, ClassRef):  # a method routed by its class (Classful...)
            decorators += _class_view_decorators(rec.resource, methods=False)
        end = getattr(node, "end_lineno", None) or node.lineno
        return view.name, SourceSpan(view.file, view.first_line, end), decorators
    if rec.kind == "restx" and rec.view is None:
        return f"Api.render_{rec.endpoint}", _span(rec.site), ()
    if isinstance(view, External):
        return view.path.rsplit(".", 1)[-1], _span(rec.site), ()
    if rec.kind == "static":
        return "static", _span(rec.site), ()
    if rec.view is None and isinstance(rec.endpoint, str):
        return rec.endpoint, _span(rec.site), ()  # add_url_rule(rule, endpoint) with no view yet
    name = _view_name(rec.view)
    return (name if isinstance(name, str) else "?"), _span(rec.site), ()


def _class_view_decorators(cls: ClassRef, *, methods: bool = True) -> tuple[str, ...]:
    """What wraps a class-based view's methods: ``decorators``/``method_decorators`` lists
    (as written, from the nearest class in the MRO that sets them, as Python looks them up:
    lemur's resources inherit ``method_decorators = [login_required]``) and each HTTP method's
    own decorators (``"login_required (on post)"``), so the UI and the rules see
    ``login_required`` on a MethodView or a Resource too."""
    found: list[str] = []
    settled: set[str] = set()
    methods_seen: set[str] = set()
    for klass in cls.mro():
        if not isinstance(klass, ClassRef):
            continue
        for stmt in klass.node.body:
            if isinstance(stmt, ast.Assign | ast.AnnAssign):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                for name in names:
                    if name in ("decorators", "method_decorators") and name not in settled:
                        settled.add(name)
                        found.extend(_listed_decorators(stmt.value))
            elif (
                methods
                and isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
                and stmt.name in _HTTP
            ):
                if stmt.name in methods_seen:
                    continue
                methods_seen.add(stmt.name)
                found.extend(f"{_unparse(d)} (on {stmt.name})" for d in stmt.decorator_list)
    return tuple(found)


def _listed_decorators(value: ast.expr | None) -> list[str]:
    """``[a, b]`` -> ``["a", "b"]``; Flask-RESTful's ``{"get": [a]}`` -> ``["a (on get)"]``."""
    if isinstance(value, ast.List | ast.Tuple):
        return [_unparse(e) for e in value.elts]
    if isinstance(value, ast.Dict):
        out: list[str] = []
        for key, item in zip(value.keys, value.values, strict=True):
            method = key.value if isinstance(key, ast.Constant) else "?"
            out.extend(f"{d} (on {method})" for d in _listed_decorators(item))
        return out
    return []


_HTTP = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})


def _unparse(node: ast.expr) -> str:
    try:
        return ast.unparse(node)
    except (ValueError, RecursionError):
        return "?"
