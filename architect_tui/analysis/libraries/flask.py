"""Flask itself: apps, blueprints, their rules, hooks and registrations, ``app.config``.

Modelled on Flask 3.1: ``sansio/scaffold.py`` (``route``, ``get``/``post``..., the hook
decorators), ``sansio/app.py`` (``add_url_rule``, the static route), ``sansio/blueprints.py``
(``register_blueprint`` records, replayed by ``compose.py``), ``config.py`` (``from_object``,
``from_mapping``...) and ``views.py`` (``View.methods`` as ``MethodView.__init_subclass__``
computes it). Subclasses of ``Flask``/``Blueprint`` in the project are built here too.
"""

from __future__ import annotations

from typing import Any

from architect_tui.analysis.libraries.base import (
    NOT_HANDLED,
    Context,
    LibraryModel,
    adopt,
    arg,
    class_name,
    passthrough,
)
from architect_tui.analysis.values import (
    MISSING,
    AppObj,
    AsView,
    BlueprintObj,
    BlueprintReg,
    Builtin,
    ClassRef,
    ConfigObj,
    HookRec,
    Instance,
    ModuleObj,
    RuleRec,
    Site,
    Unknown,
)

APP_CLASSES = frozenset({"flask.Flask", "flask.app.Flask", "flask_openapi3.OpenAPI"})
BLUEPRINT_CLASSES = frozenset(
    {"flask.Blueprint", "flask.blueprints.Blueprint", "flask_openapi3.APIBlueprint"}
)
HTTP_METHODS = ("get", "post", "head", "options", "delete", "put", "trace", "patch")
SHORTCUTS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"}
CURRENT_APP = frozenset({"flask.current_app", "flask.globals.current_app"})

#: Hook methods: name -> (HookKind, applies app-wide when called on a blueprint)
HOOKS = {
    "before_request": ("before_request", False),
    "after_request": ("after_request", False),
    "teardown_request": ("teardown_request", False),
    "context_processor": ("context_processor", False),
    "url_value_preprocessor": ("url_value_preprocessor", False),
    "url_defaults": ("url_defaults", False),
    "before_app_request": ("before_app_request", True),
    "after_app_request": ("after_app_request", True),
    "teardown_app_request": ("teardown_app_request", True),
    "app_context_processor": ("app_context_processor", True),
    "app_url_value_preprocessor": ("app_url_value_preprocessor", True),
    "app_url_defaults": ("app_url_defaults", True),
}

#: App attributes that are only known at run time (not methods to call).
_RUNTIME_ATTRS = frozenset(
    {
        "url_map",
        "view_functions",
        "extensions",
        "jinja_env",
        "logger",
        "wsgi_app",
        "cli",
        "root_path",
        "instance_path",
    }
)


# ---------------------------------------------------------------------- constructors


def new_app(ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> AppObj:
    """``Flask(import_name, static_url_path=None, static_folder="static", ...)``."""
    app = AppObj(
        "app", ctx.current_factory(), site, import_name=arg(args, kwargs, 0, "import_name")
    )
    app.static_folder = arg(args, kwargs, 2, "static_folder", "static")
    app.static_url_path = arg(args, kwargs, 1, "static_url_path", None)
    ctx.apps.append(app)
    return app


def new_blueprint(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> BlueprintObj:
    """``Blueprint(name, import_name, static_folder, static_url_path, template_folder,
    url_prefix, subdomain, ...)``."""
    bp = BlueprintObj(
        name=arg(args, kwargs, 0, "name", Unknown("blueprint name", site.file, site.line)),
        import_name=arg(args, kwargs, 1, "import_name"),
        site=site,
        url_prefix=arg(args, kwargs, 5, "url_prefix"),
        subdomain=arg(args, kwargs, 6, "subdomain"),
        static_folder=arg(args, kwargs, 2, "static_folder"),
        static_url_path=arg(args, kwargs, 3, "static_url_path"),
    )
    ctx.blueprints.append(bp)
    return bp


def synthetic_blueprint(
    name: str, import_name: str, site: Site, url_prefix: Any = None
) -> BlueprintObj:
    """A blueprint a library builds for itself (not in ``ctx.blueprints``: never an orphan)."""
    bp = BlueprintObj(name, import_name, site, name, url_prefix)
    bp.synthetic = True
    return bp


# ---------------------------------------------------------------------- rules and hooks


def methods_of(value: Any) -> Any:
    """``methods=...`` as written: a tuple of upper-case names, None, or Unknown."""
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        if all(isinstance(m, str) for m in value):
            return tuple(m.upper() for m in value)
        return Unknown("methods known at run time")
    return Unknown("methods known at run time")


def add_rule(obj: Any, rule: Any, endpoint: Any, view: Any, methods: Any, site: Site) -> None:
    """``add_url_rule`` recorded on an app or a blueprint (prefixes and names come later)."""
    kind = "view_class" if isinstance(view, AsView) else "function"
    if view is None:
        kind = "missing"  # add_url_rule(rule, endpoint) alone: a view_functions entry comes later
    obj.records.append(RuleRec(rule, endpoint, view, methods_of(methods), site, kind))


def route_decorator(obj: Any, rule: Any, options: dict[str, Any], site: Site) -> Builtin:
    """``@obj.route(rule, **options)``; on a class (flask-smorest, APIFlask) it is ``as_view``."""

    def decorate(args: list[Any], kwargs: dict[str, Any], _site: Site) -> Any:
        view = args[0] if args else Unknown("no view")
        if isinstance(view, ClassRef):
            endpoint = options.get("endpoint") or view.name
            add_rule(obj, rule, endpoint, AsView(view, endpoint), options.get("methods"), site)
        else:
            add_rule(obj, rule, options.get("endpoint"), view, options.get("methods"), site)
        return view

    return Builtin(decorate, "route")


def add_hook(obj: Any, method: str, func: Any, site: Site, error: Any = None) -> Any:
    kind = HOOKS[method][0] if method in HOOKS else method
    if kind == "errorhandler" and isinstance(obj, BlueprintObj) and method == "app_errorhandler":
        kind = "app_errorhandler"
    err = None
    if error is not None:
        err = str(error) if isinstance(error, int | str) else _describe(error)
    obj.records.append(HookRec(kind, func, site, err))
    return func


def _describe(value: Any) -> str:
    name = class_name(value)
    if isinstance(name, str):
        return name
    if isinstance(value, Unknown) and value.why.startswith("name "):
        # a builtin the interpreter does not model (``Exception``): the name as written
        return value.why.removeprefix("name ")
    return "?"


def register_blueprint(
    ctx: Context, parent: Any, child: Any, options: dict[str, Any], site: Site
) -> None:
    """``parent.register_blueprint(child, **options)``: recorded, replayed by ``compose.py``."""
    if isinstance(child, BlueprintObj):
        child.registered = True
        reg = BlueprintReg(child, options, site)
        if isinstance(parent, AppObj):
            parent.records.append(reg)
        else:
            parent.children.append(reg)
        return
    if isinstance(child, Instance | AppObj) or hasattr(child, "user_class"):
        # a project object, an app, or another library's object (an Api, a Namespace)
        ctx.diag(
            "warning",
            site.file,
            site.line,
            "register_blueprint() of something that is not a blueprint",
        )
        return
    why = child.why if isinstance(child, Unknown) else "a value"
    ctx.diag(
        "warning",
        site.file,
        site.line,
        f"blueprint registered here is not known statically ({why})",
    )
    if isinstance(parent, AppObj):
        parent.unknown_registrations.append(site)


def scaffold_method(
    ctx: Context,
    obj: AppObj | BlueprintObj,
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    site: Site,
) -> Any:
    """Methods shared by ``Flask`` and ``Blueprint`` (``Scaffold``), plus registration."""
    if name == "route" or name in SHORTCUTS:
        rule = arg(args, kwargs, 0, "rule", Unknown("no rule", site.file, site.line))
        options = {k: v for k, v in kwargs.items() if k != "rule"}
        if name in SHORTCUTS:
            options["methods"] = (SHORTCUTS[name],)
        return route_decorator(obj, rule, options, site)
    if name == "add_url_rule":
        rule = arg(args, kwargs, 0, "rule", Unknown("no rule", site.file, site.line))
        endpoint = arg(args, kwargs, 1, "endpoint")
        view = arg(args, kwargs, 2, "view_func")
        add_rule(obj, rule, endpoint, view, kwargs.get("methods"), site)
        return None
    if name == "register_blueprint":
        child = arg(args, kwargs, 0, "blueprint")
        options = {k: v for k, v in kwargs.items() if k != "blueprint"}
        register_blueprint(ctx, obj, child, options, site)
        return None
    if name in HOOKS:
        if args:
            add_hook(obj, name, args[0], site)
            return args[0]
        return Builtin(lambda a, k, s: add_hook(obj, name, a[0], site) if a else None, name)
    if name in ("errorhandler", "app_errorhandler"):
        code = arg(args, kwargs, 0, "code_or_exception")
        return Builtin(lambda a, k, s: add_hook(obj, name, a[0], site, code) if a else None, name)
    if name == "register_error_handler":
        add_hook(
            obj,
            "errorhandler",
            arg(args, kwargs, 1, "f"),
            site,
            arg(args, kwargs, 0, "code_or_exception"),
        )
        return None
    return passthrough(args, kwargs)


# ---------------------------------------------------------------------- config


def config_get(config: ConfigObj, key: Any, default: Any, site: Site) -> Any:
    if isinstance(key, str) and key in config.values:
        return config.values[key]
    if default is not MISSING:
        return default
    return Unknown(f"app.config[{key!r}] at run time", site.file, site.line)


def _config_method(
    ctx: Context, config: ConfigObj, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    if name == "get":
        key = args[0] if args else kwargs.get("key")
        return config_get(config, key, args[1] if len(args) > 1 else kwargs.get("default"), site)
    if name == "setdefault" and args and isinstance(args[0], str):
        return config.values.setdefault(args[0], args[1] if len(args) > 1 else None)
    if name == "from_object" and args:
        source = args[0]
        if isinstance(source, str):
            from architect_tui.analysis.libraries.stdlib import import_string

            source = import_string(ctx, source, site)
        _load_config_object(config, source)
        return None
    if name in ("update", "from_mapping"):
        for item in args:
            if isinstance(item, dict):
                config.values.update({k: v for k, v in item.items() if isinstance(k, str)})
        config.values.update({k: v for k, v in kwargs.items() if k.isupper()})
        return None
    if name.startswith("from_"):
        config.opaque.append(name)
    return None


def _load_config_object(config: ConfigObj, source: Any) -> None:
    if isinstance(source, ClassRef):
        for klass in reversed(source.mro()):
            if isinstance(klass, ClassRef):
                config.values.update({k: v for k, v in klass.attrs.items() if k.isupper()})
    elif isinstance(source, Instance):
        _load_config_object(config, source.cls)
        config.values.update({k: v for k, v in source.attrs.items() if k.isupper()})
    elif isinstance(source, ModuleObj) and source.env is not None:
        config.values.update({k: v for k, v in source.env.items() if k.isupper()})
    else:
        config.opaque.append("from_object")


# ---------------------------------------------------------------------- views


def view_methods(view: Any) -> Any:
    """The methods Flask reads from a view function: ``view.methods`` or None (=> GET)."""
    if isinstance(view, AsView):
        return class_methods(view.cls)
    return None


def class_methods(cls: Any, _seen: frozenset[int] = frozenset()) -> Any:
    """``View.methods`` as ``MethodView.__init_subclass__`` computes it."""
    if not isinstance(cls, ClassRef) or id(cls) in _seen:
        return None
    seen = _seen | {id(cls)}
    declared = cls.attrs.get("methods", MISSING)
    if declared is not MISSING:
        return methods_of(declared) if declared is not None else None
    methods: set[str] = set()
    for base in cls.bases:
        inherited = class_methods(base, seen)
        if isinstance(inherited, tuple):
            methods.update(inherited)
    for key in HTTP_METHODS:
        if cls.lookup(key) is not MISSING:
            methods.add(key.upper())
    return tuple(sorted(methods)) if methods else None


# ---------------------------------------------------------------------- the model


class FlaskModel(LibraryModel):
    name = "flask"
    classes = {
        **dict.fromkeys(APP_CLASSES, new_app),
        **dict.fromkeys(BLUEPRINT_CLASSES, new_blueprint),
    }
    values = (AppObj, BlueprintObj, ConfigObj)
    app_classes = APP_CLASSES
    external_objects = CURRENT_APP

    def attr(self, ctx: Context, obj: Any, attr: str, site: Site | None) -> Any:
        if isinstance(obj, AppObj) and attr == "config":
            return obj.config
        if isinstance(obj, BlueprintObj) and attr in ("name", "url_prefix"):
            return getattr(obj, attr)
        if isinstance(obj, AppObj) and attr in _RUNTIME_ATTRS:
            return Unknown(f"app.{attr}")
        return super().attr(ctx, obj, attr, site)

    def set_attr(self, ctx: Context, obj: Any, attr: str, value: Any) -> None:
        if (isinstance(obj, AppObj) and attr in ("static_folder", "static_url_path")) or (
            isinstance(obj, BlueprintObj)
            and attr in ("url_prefix", "subdomain", "static_folder", "static_url_path")
        ):
            setattr(obj, attr, value)

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if name == "__init__":
            base = getattr(obj, "base_path", None)
            if base is not None:
                adopt(ctx, obj, ctx.construct(base, args, kwargs, site))
            return None
        if isinstance(obj, ConfigObj):
            return _config_method(ctx, obj, name, args, kwargs, site)
        return scaffold_method(ctx, obj, name, args, kwargs, site)

    def subscript(self, ctx: Context, obj: Any, key: Any, site: Site) -> Any:
        if isinstance(obj, ConfigObj):
            return config_get(obj, key, MISSING, site)
        return NOT_HANDLED

    def set_item(self, ctx: Context, obj: Any, key: Any, value: Any) -> None:
        if isinstance(obj, ConfigObj) and isinstance(key, str):
            obj.values[key] = value

    def external_attr(self, ctx: Context, path: str, attr: str, site: Site | None) -> Any:
        if path in CURRENT_APP and ctx.apps:
            return ctx.get_attr(ctx.apps[-1], attr, site)
        return NOT_HANDLED

    def named(self, value: Any, name: str) -> None:
        if isinstance(value, AppObj) and not value.named:
            value.name, value.named = name, True
        elif isinstance(value, BlueprintObj) and not value.variable:
            value.variable = name


MODEL = FlaskModel()
