"""Flask-Classful (0.16, ``flask_classful.py``): ``SomeView.register(app_or_bp, ...)`` turns the
public methods of a ``FlaskView`` subclass into rules.

After ``FlaskView.register``: the members are the class's functions (``inspect.getmembers``,
sorted by name) minus FlaskView's own names, ``_private``, ``before_``/``after_`` hooks and
``excluded_methods``. A method with ``@route(rule, **options)`` gets those rules (endpoint
``Class:method``, or ``Class:method_<i>`` when it has several, or its ``endpoint=``); ``get``,
``put``, ``patch``, ``post``, ``delete``, ``index`` get ``/`` plus their arguments with their
HTTP method; any other method ``/<name>/`` plus its arguments, with ``@method(...)``'s methods,
``default_methods`` or GET. ``build_rule`` joins ``route_prefix``, the route base (``route_base``
or the class name without ``View``, dashed) and the rule, each argument without a default as
``<arg>`` (``<int:arg>`` from a type hint); ``trailing_slash`` adds or strips the final ``/``.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from architect_tui.analysis.libraries.base import NOT_HANDLED, Context, LibraryModel, arg
from architect_tui.analysis.values import (
    MISSING,
    AppObj,
    BlueprintObj,
    Builtin,
    ClassRef,
    FuncRef,
    RuleRec,
    Site,
)

FLASK_VIEWS = frozenset({"flask_classful.FlaskView"})
SPECIAL = {
    "get": ("GET",),
    "put": ("PUT",),
    "patch": ("PATCH",),
    "post": ("POST",),
    "delete": ("DELETE",),
    "index": ("GET",),
}
#: ``dir(FlaskView)``: names that are never routes.
_BASE_NAMES = frozenset(
    {
        "decorators",
        "representations",
        "route_base",
        "route_prefix",
        "trailing_slash",
        "base_args",
        "excluded_methods",
        "method_dashified",
        "special_methods",
        "type_hints",
        "register",
        "parse_options",
        "make_proxy_method",
        "build_rule",
        "get_route_base",
        "default_route_base",
        "build_route_name",
    }
)
_TYPE_HINTS = {"str": "string", "int": "int", "float": "float", "UUID": "uuid"}
_FIRST_CAP = re.compile("(.)([A-Z][a-z]+)")
_ALL_CAP = re.compile("([a-z0-9])([A-Z])")
_ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def _dashify(name: str) -> str:
    return _ALL_CAP.sub(r"\1-\2", _FIRST_CAP.sub(r"\1-\2", name)).lower()


def _route(ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Builtin:
    """``@route(rule, **options)``: the rule is kept on the function (``_rule_cache``)."""
    rule = arg(args, kwargs, 0, "rule")
    options = {k: v for k, v in kwargs.items() if k != "rule"}

    def mark(a: list[Any], k: dict[str, Any], s: Site) -> Any:
        if a and isinstance(a[0], FuncRef):
            a[0].classful_rules = [*(getattr(a[0], "classful_rules", None) or []), (rule, options)]  # type: ignore[attr-defined]
        return a[0] if a else None

    return Builtin(mark, "route")


def _method(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Builtin:
    """``@method("PUT")``: the HTTP method is kept on the function."""
    verb = arg(args, kwargs, 0, "method")

    def mark(a: list[Any], k: dict[str, Any], s: Site) -> Any:
        if a and isinstance(a[0], FuncRef):
            a[0].classful_methods = [*(getattr(a[0], "classful_methods", None) or []), verb]  # type: ignore[attr-defined]
        return a[0] if a else None

    return Builtin(mark, "method")


def _setting(cls: ClassRef, name: str, given: Any, default: Any) -> Any:
    if given is not None:
        return given
    value = cls.lookup(name)
    return default if value is MISSING else value


def _members(cls: ClassRef, excluded: Any) -> list[tuple[str, FuncRef]]:
    """``get_interesting_members``: plain functions (and static methods) of the class."""
    found: dict[str, Any] = {}
    for klass in reversed(cls.mro()):
        if isinstance(klass, ClassRef):
            found.update(klass.attrs)
    skip = set(excluded) if isinstance(excluded, list | tuple) else set()
    return [
        (name, value)
        for name, value in sorted(found.items())
        if isinstance(value, FuncRef)
        and value.kind in (None, "staticmethod")
        and name not in _BASE_NAMES
        and name not in skip
        and not name.startswith(("_", "before_", "after_"))
    ]


def _arguments(func: FuncRef, ignored: set[str]) -> list[str]:
    """``build_rule``'s argument parts: each positional argument without a default."""
    node = func.node
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return []
    params = [*node.args.posonlyargs, *node.args.args]
    required = len(params) - len(node.args.defaults)
    parts = []
    for i, param in enumerate(params):
        if param.arg in ignored or i >= required:
            continue
        hint = param.annotation
        name = hint.id if isinstance(hint, ast.Name) else getattr(hint, "attr", None)
        converter = _TYPE_HINTS.get(name) if isinstance(name, str) else None
        parts.append(f"<{converter}:{param.arg}>" if converter else f"<{param.arg}>")
    return parts


def register(
    ctx: Context, cls: ClassRef, target: Any, args: list[Any], kwargs: dict[str, Any], site: Site
) -> None:
    """``FlaskView.register(app, route_base, subdomain, route_prefix, trailing_slash,
    method_dashified, base_class, init_argument, **rule_options)``."""
    if not isinstance(target, AppObj | BlueprintObj):
        ctx.diag(
            "warning",
            site.file,
            site.line,
            f"{cls.name}.register() on something not known statically",
        )
        return
    route_base = _setting(cls, "route_base", arg(args, kwargs, 0, "route_base"), None)
    route_prefix = _setting(cls, "route_prefix", arg(args, kwargs, 2, "route_prefix"), None)
    trailing = _setting(cls, "trailing_slash", arg(args, kwargs, 3, "trailing_slash"), True)
    dashified = _setting(cls, "method_dashified", arg(args, kwargs, 4, "method_dashified"), False)
    excluded = _setting(cls, "excluded_methods", None, [])
    defaults = _setting(cls, "default_methods", None, ["GET"])
    base_args = _setting(cls, "base_args", None, [])
    known = {"route_base", "subdomain", "route_prefix", "trailing_slash", "method_dashified"}
    rule_options = {
        k: v for k, v in kwargs.items() if k not in known | {"app", "base_class", "init_argument"}
    }
    if route_base is not None:
        if not isinstance(route_base, str):
            ctx.diag(
                "warning", site.file, site.line, f"{cls.name}: route_base only known at run time"
            )
            return
        base = route_base if route_base.startswith("/") else "/" + route_base
        base_args = [*base_args, *_ARGUMENT.findall(base)]
        base = base.strip("/")
    else:
        name = cls.name[:-4] if cls.name.endswith("View") else cls.name
        base = _dashify(name)
    ignored = {"self", *(a for a in base_args if isinstance(a, str))}

    def build(rule: str, func: FuncRef | None = None) -> str:
        parts = [p for p in (route_prefix, base) if p]
        if rule:
            parts.append(rule)
        if func is not None:
            parts.extend(_arguments(func, ignored))
        return re.sub(r"(/)\1+", r"\1", "/" + "/".join(parts))

    for name, func in _members(cls, excluded):
        route_name = f"{cls.name}:{name}"
        cached = getattr(func, "classful_rules", None)
        if cached:
            for idx, (rule, options) in enumerate(cached):
                if not isinstance(rule, str):
                    continue
                options = {**options, **rule_options}
                endpoint = options.pop("endpoint", None) or (
                    route_name if len(cached) == 1 else f"{route_name}_{idx}"
                )
                options.pop("subdomain", None)
                _add(target, build(rule), endpoint, func, options.get("methods"), site, cls)
        elif name in SPECIAL:
            rule = build("/", func)
            if not trailing and rule != "/":
                rule = rule.rstrip("/")
            elif trailing is True and not rule.endswith("/"):
                rule += "/"
            _add(target, rule, route_name, func, SPECIAL[name], site, cls)
        else:
            methods = getattr(func, "classful_methods", None) or defaults
            shown = name.replace("_", "-") if dashified is True else name
            route = f"/{shown}/" if trailing else f"/{shown}"
            rule = build(route, func)
            if trailing is True and not rule.endswith("/"):
                rule += "/"
            _add(target, rule, route_name, func, methods, site, cls)


def _add(
    target: Any, rule: str, endpoint: str, func: FuncRef, methods: Any, site: Site, cls: ClassRef
) -> None:
    from architect_tui.analysis.libraries.flask import methods_of

    target.records.append(
        RuleRec(rule, endpoint, func, methods_of(methods), site, "view_class", cls)
    )


class ClassfulModel(LibraryModel):
    name = "flask-classful"
    functions = {"flask_classful.route": _route, "flask_classful.method": _method}
    base_classes = FLASK_VIEWS
    method_markers = frozenset({"route", "method"})

    def class_attr(self, ctx: Context, cls: ClassRef, attr: str, site: Site | None) -> Any:
        if attr == "register":
            return Builtin(
                lambda a, k, s: register(ctx, cls, a[0] if a else k.get("app"), a[1:], k, s),
                "FlaskView.register",
            )
        return NOT_HANDLED


MODEL = ClassfulModel()
