"""What Flask, Flask-RESTful and Flask-RESTX calls do, modelled on their sources.

The interpreter hands every call on a Flask-side object here. Each function records what the
library would record (a rule, a hook, a blueprint registration, a deferred API init) on the
``values`` objects; ``compose.py`` later replays those records the way ``Flask.register_blueprint``
and the APIs' deferred setup do. References (Flask 3.1, Flask-RESTful 0.3.10, Flask-RESTX 1.3):
``sansio/scaffold.py`` (route, get/post..., hooks), ``sansio/app.py`` (add_url_rule, static
route), ``flask_restful/__init__.py`` (Api, add_resource, _complete_url), ``flask_restx/api.py``
and ``namespace.py`` (specs/doc/root routes, namespaces, default endpoints).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from architect_tui.analysis.values import (
    MISSING,
    ApiInit,
    AppObj,
    AsView,
    BlueprintObj,
    BlueprintReg,
    BoundMethod,
    Builtin,
    ClassRef,
    ConfigObj,
    External,
    FuncRef,
    HookRec,
    Instance,
    ModuleObj,
    NamespaceObj,
    PartialRule,
    RestfulApi,
    RuleRec,
    Site,
    SmorestApi,
    Unknown,
)

if TYPE_CHECKING:
    from architect_tui.analysis.interpreter import Interpreter

FLASK_CLASSES = {
    "flask.Flask",
    "flask.app.Flask",
    "apiflask.APIFlask",
    "apiflask.app.APIFlask",
    "flask_openapi3.OpenAPI",
}
BLUEPRINT_CLASSES = {
    "flask.Blueprint",
    "flask.blueprints.Blueprint",
    "apiflask.APIBlueprint",
    "apiflask.blueprint.APIBlueprint",
    "flask_smorest.Blueprint",
    "flask_openapi3.APIBlueprint",
}
RESTFUL_API = {"flask_restful.Api"}
RESTX_API = {"flask_restx.Api", "flask_restx.api.Api", "flask_restplus.Api"}
SMOREST_API = {"flask_smorest.Api"}
NAMESPACE_CLASSES = {
    "flask_restx.Namespace",
    "flask_restx.namespace.Namespace",
    "flask_restplus.Namespace",
}
VIEW_BASES = {
    "flask.views.MethodView",
    "flask.views.View",
    "flask_restful.Resource",
    "flask_restx.Resource",
    "flask_restx.resource.Resource",
    "flask_restplus.Resource",
    "flask.MethodView",
}
HTTP_METHODS = ("get", "post", "head", "options", "delete", "put", "trace", "patch")
SHORTCUTS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"}

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

_FIRST_CAP = re.compile("(.)([A-Z][a-z]+)")
_ALL_CAP = re.compile("([a-z0-9])([A-Z])")


def camel_to_dash(value: str) -> str:
    """Flask-RESTX's default endpoint spelling (``UserList`` -> ``user_list``)."""
    return _ALL_CAP.sub(r"\1_\2", _FIRST_CAP.sub(r"\1_\2", value)).lower()


def is_app_class(value: Any) -> bool:
    if isinstance(value, External):
        return value.path in FLASK_CLASSES
    if isinstance(value, ClassRef):
        return bool(value.externals() & FLASK_CLASSES)
    return False


def is_flask_side_class(path: str) -> bool:
    return path in (
        FLASK_CLASSES
        | BLUEPRINT_CLASSES
        | RESTFUL_API
        | RESTX_API
        | NAMESPACE_CLASSES
        | SMOREST_API
    )


def name_object(value: Any, name: str) -> None:
    """Remember the first variable a Flask object is bound to (``app``, ``auth_bp``)."""
    if isinstance(value, AppObj) and not value.named:
        value.name, value.named = name, True
    elif isinstance(value, BlueprintObj) and not value.variable:
        value.variable = name


# ---------------------------------------------------------------------- constructors


def call_external(
    interp: Interpreter, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    if path.endswith(".__init__") and args and is_flask_side_class(path[: -len(".__init__")]):
        reinit(interp, args[0], path[: -len(".__init__")], args[1:], kwargs, site)
        return None
    if path in FLASK_CLASSES:
        app = _new_app(interp, args, kwargs, site)
        if path.startswith("apiflask."):
            _apiflask_openapi(interp, app, kwargs, site)
        return app
    if path in BLUEPRINT_CLASSES:
        return _new_blueprint(interp, args, kwargs, site)
    if path in RESTFUL_API:
        return _new_api(interp, "restful", args, kwargs, site)
    if path in RESTX_API:
        return _new_api(interp, "restx", args, kwargs, site)
    if path in NAMESPACE_CLASSES:
        return _new_namespace(interp, args, kwargs, site)
    if path in SMOREST_API:
        api = SmorestApi(site)
        target = _arg(args, kwargs, 0, "app")
        if target is not None:
            _smorest_init(interp, api, target)
        return api
    if path == "re.sub" and len(args) >= 3 and all(isinstance(a, str) for a in args[:3]):
        import re as _re

        try:
            return _re.sub(args[0], args[1], args[2])
        except _re.error:
            return Unknown("re.sub with a bad pattern", site.file, site.line)
    if path in ("os.environ.get", "os.getenv"):
        from architect_tui.analysis.pybuiltins import environ_default

        return environ_default(args)
    if path in ("functools.wraps", "functools.update_wrapper"):
        # ``@wraps(f)`` makes the wrapper look like ``f`` (name, and for the map, the view).
        wrapped = args[0] if path == "functools.wraps" and args else None
        if path == "functools.update_wrapper":
            return args[1] if len(args) > 1 else Unknown("update_wrapper")
        return Builtin(
            lambda a, k, s: (
                wrapped if isinstance(wrapped, FuncRef | AsView) else (a[0] if a else None)
            ),
            "wraps",
        )
    if path.endswith(".import_string") or path == "importlib.import_module":
        name = args[0] if args else kwargs.get("name", kwargs.get("import_name"))
        package = _arg(args, kwargs, 1, "package")
        if isinstance(name, str) and name.startswith("."):
            if not isinstance(package, str):
                return Unknown("a relative import without a known package", site.file, site.line)
            level = len(name) - len(name.lstrip("."))
            base = package.split(".")
            base = base[: len(base) - (level - 1)] if level > 1 else base
            name = ".".join([*base, name.lstrip(".")]).rstrip(".")
        if isinstance(name, str):
            return _import_string(interp, name, site)
        return Unknown("a module imported by name at run time", site.file, site.line)
    return Unknown(f"{path}()", site.file, site.line)


def reinit(
    interp: Interpreter, obj: Any, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> None:
    """``super().__init__(...)`` in a subclass: build the base object from these arguments and
    move its state into ``obj`` (which keeps its identity: other values already point at it)."""
    if not isinstance(obj, AppObj | BlueprintObj | RestfulApi | NamespaceObj):
        return
    target = None
    if isinstance(obj, RestfulApi):
        target = _arg(args, kwargs, 0, "app")
        args, kwargs = args[1:], {k: v for k, v in kwargs.items() if k != "app"}
        args = [None, *args]
    fresh = call_external(interp, path, args, kwargs, site)
    for registry in (interp.apps, interp.blueprints, interp.apis, interp.namespaces):
        if fresh in registry:
            registry.remove(fresh)
    keep = {
        "user_class",
        "base_path",
        "records",
        "children",
        "named",
        "variable",
        "site",
        "factory",
    }
    if isinstance(obj, AppObj):
        keep.add("name")
    for key, value in vars(fresh).items():
        if key not in keep:
            setattr(obj, key, value)
    if isinstance(obj, RestfulApi) and obj.default_ns is not None:
        obj.default_ns.apis = [obj]
        obj.namespaces = [obj.default_ns]
    if target is not None and isinstance(obj, RestfulApi):
        obj.app = target
        _api_init_app(interp, obj, target, {}, site)


def _import_string(interp: Interpreter, dotted: str, site: Site) -> Any:
    """``importlib.import_module`` / werkzeug ``import_string`` (``"pkg.mod:obj"`` too)."""
    if ":" in dotted:
        mod_name, _, attr = dotted.partition(":")
        return interp.get_attr(interp.import_module(mod_name, site.file), attr, site)
    module = interp.import_module(dotted, site.file)
    if not isinstance(module, Unknown | External):
        return module
    if "." in dotted:
        mod_name, attr = dotted.rsplit(".", 1)
        module = interp.import_module(mod_name, site.file)
        return interp.get_attr(module, attr, site)
    return module


def _arg(
    args: list[Any], kwargs: dict[str, Any], index: int, name: str, default: Any = None
) -> Any:
    if name in kwargs:
        return kwargs[name]
    if len(args) > index:
        return args[index]
    return default


def _new_app(interp: Interpreter, args: list[Any], kwargs: dict[str, Any], site: Site) -> AppObj:
    factory = interp.current_factory[-1] if interp.current_factory else None
    app = AppObj("app", factory, site, import_name=_arg(args, kwargs, 0, "import_name"))
    app.static_folder = _arg(args, kwargs, 2, "static_folder", "static")
    app.static_url_path = _arg(args, kwargs, 1, "static_url_path", None)
    interp.apps.append(app)
    return app


def _apiflask_openapi(interp: Interpreter, app: AppObj, kwargs: dict[str, Any], site: Site) -> None:
    """``APIFlask._register_openapi_blueprint``: the ``openapi`` blueprint with the spec, the
    docs page and Swagger UI's OAuth2 redirect, each unless its path is set to None."""
    spec_path = kwargs.get("spec_path", "/openapi.json")
    docs_path = kwargs.get("docs_path", "/docs")
    redirect = kwargs.get("docs_oauth2_redirect_path", "/docs/oauth2-redirect")
    docs_ui = kwargs.get("docs_ui", "swagger-ui")
    if kwargs.get("enable_openapi", True) is False or not (spec_path or docs_path):
        return
    bp = BlueprintObj(
        "openapi", "apiflask.app", site, "openapi", kwargs.get("openapi_blueprint_url_prefix")
    )
    bp.synthetic = True
    if spec_path:
        bp.records.append(RuleRec(spec_path, "spec", None, None, site, "function"))
    if docs_path:
        bp.records.append(RuleRec(docs_path, "docs", None, None, site, "function"))
        if docs_ui == "swagger-ui" and redirect:
            bp.records.append(
                RuleRec(redirect, "swagger_ui_oauth_redirect", None, None, site, "function")
            )
    _register_blueprint(interp, app, bp, {}, site)


def _new_blueprint(
    interp: Interpreter, args: list[Any], kwargs: dict[str, Any], site: Site
) -> BlueprintObj:
    bp = BlueprintObj(
        name=_arg(args, kwargs, 0, "name", Unknown("blueprint name", site.file, site.line)),
        import_name=_arg(args, kwargs, 1, "import_name"),
        site=site,
        url_prefix=_arg(args, kwargs, 5, "url_prefix"),
        subdomain=_arg(args, kwargs, 6, "subdomain"),
        static_folder=_arg(args, kwargs, 2, "static_folder"),
        static_url_path=_arg(args, kwargs, 3, "static_url_path"),
    )
    interp.blueprints.append(bp)
    return bp


def _new_api(
    interp: Interpreter, flavour: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> RestfulApi:
    api = RestfulApi(flavour, site)
    api.prefix = _arg(args, kwargs, 1 if flavour == "restful" else 99, "prefix", "")
    api.url_part_order = kwargs.get("url_part_order", "bae")
    if flavour == "restx":
        api.doc = kwargs.get("doc", "/")
        api.default_ns = NamespaceObj("default", "/", site)
        api.default_ns.apis.append(api)
        api.namespaces.append(api.default_ns)
        api.default_ns.is_default = True  # type: ignore[attr-defined]
    interp.apis.append(api)
    target = _arg(args, kwargs, 0, "app")
    if target is not None:
        api.app = target
        _api_init_app(interp, api, target, {}, site)
    return api


def _new_namespace(
    interp: Interpreter, args: list[Any], kwargs: dict[str, Any], site: Site
) -> NamespaceObj:
    ns = NamespaceObj(
        _arg(args, kwargs, 0, "name", Unknown("namespace name", site.file, site.line)),
        _arg(args, kwargs, 2, "path"),
        site,
    )
    interp.namespaces.append(ns)
    return ns


# ---------------------------------------------------------------------- attributes


def get_attr(interp: Interpreter, obj: Any, attr: str, site: Site | None) -> Any:
    if isinstance(obj, AppObj) and attr == "config":
        return obj.config
    if isinstance(obj, BlueprintObj) and attr == "name":
        return obj.name
    if isinstance(obj, BlueprintObj) and attr == "url_prefix":
        return obj.url_prefix
    if isinstance(obj, RestfulApi) and attr == "prefix":
        return obj.prefix
    if isinstance(obj, RestfulApi) and attr == "default_namespace" and obj.default_ns is not None:
        return obj.default_ns
    if isinstance(obj, NamespaceObj) and attr in ("name", "path"):
        return obj.name if attr == "name" else obj.full_path
    if isinstance(obj, AppObj) and attr in (
        "url_map",
        "view_functions",
        "extensions",
        "jinja_env",
        "logger",
        "wsgi_app",
        "cli",
        "root_path",
        "instance_path",
    ):
        return Unknown(f"app.{attr}")
    return BoundMethod(obj, attr, site)


def set_attr(interp: Interpreter, obj: Any, attr: str, value: Any) -> None:
    if (isinstance(obj, AppObj) and attr in ("static_folder", "static_url_path")) or (
        isinstance(obj, BlueprintObj)
        and attr
        in (
            "url_prefix",
            "subdomain",
            "static_folder",
            "static_url_path",
        )
    ):
        setattr(obj, attr, value)


# ---------------------------------------------------------------------- methods


def call_method(
    interp: Interpreter, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    if name == "__init__":
        base = getattr(obj, "base_path", None)
        if base is not None:
            reinit(interp, obj, base, args, kwargs, site)
        return None
    if isinstance(obj, ConfigObj):
        return _config_method(interp, obj, name, args, kwargs, site)
    if isinstance(obj, AppObj | BlueprintObj):
        return _scaffold_method(interp, obj, name, args, kwargs, site)
    if isinstance(obj, RestfulApi):
        return _api_method(interp, obj, name, args, kwargs, site)
    if isinstance(obj, NamespaceObj):
        return _namespace_method(interp, obj, name, args, kwargs, site)
    if isinstance(obj, SmorestApi):
        if name == "init_app" and args:
            _smorest_init(interp, obj, args[0])
            return None
        if name == "register_blueprint" and args:
            options = {k: v for k, v in kwargs.items() if k not in ("parameters",)}
            if obj.app is not None:
                _register_blueprint(interp, obj.app, args[0], options, site)
            else:
                obj.pending.append((args[0], options, site))
            return None
    return _passthrough(args, kwargs, site)


def _smorest_init(interp: Interpreter, api: SmorestApi, app: Any) -> None:
    if not isinstance(app, AppObj):
        return
    api.app = app
    for bp, options, site in api.pending:
        _register_blueprint(interp, app, bp, options, site)
    api.pending.clear()


def _passthrough(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    """An unmodelled method: used as a decorator it keeps the decorated object."""
    if len(args) == 1 and not kwargs and isinstance(args[0], FuncRef | ClassRef):
        return args[0]
    return Builtin(
        lambda a, k, s: (
            a[0]
            if len(a) == 1 and isinstance(a[0], FuncRef | ClassRef)
            else Unknown("a library call")
        ),
        "decorator",
    )


def _scaffold_method(
    interp: Interpreter,
    obj: AppObj | BlueprintObj,
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    site: Site,
) -> Any:
    if name == "route":
        rule = _arg(args, kwargs, 0, "rule", Unknown("no rule", site.file, site.line))
        options = {k: v for k, v in kwargs.items() if k != "rule"}
        return _route_decorator(interp, obj, rule, options, site)
    if name in SHORTCUTS:
        rule = _arg(args, kwargs, 0, "rule", Unknown("no rule", site.file, site.line))
        options = {k: v for k, v in kwargs.items() if k != "rule"}
        options["methods"] = (SHORTCUTS[name],)
        return _route_decorator(interp, obj, rule, options, site)
    if name == "add_url_rule":
        rule = _arg(args, kwargs, 0, "rule", Unknown("no rule", site.file, site.line))
        endpoint = _arg(args, kwargs, 1, "endpoint")
        view = _arg(args, kwargs, 2, "view_func")
        _add_rule(obj, rule, endpoint, view, kwargs.get("methods"), site, kwargs)
        return None
    if name == "register_blueprint":
        child = _arg(args, kwargs, 0, "blueprint")
        options = {k: v for k, v in kwargs.items() if k != "blueprint"}
        _register_blueprint(interp, obj, child, options, site)
        return None
    if name in HOOKS:
        if args:
            _add_hook(obj, name, args[0], site)
            return args[0]
        return Builtin(lambda a, k, s: _add_hook(obj, name, a[0], site) if a else None, name)
    if name in ("errorhandler", "app_errorhandler"):
        code = _arg(args, kwargs, 0, "code_or_exception")
        return Builtin(lambda a, k, s: _add_hook(obj, name, a[0], site, code) if a else None, name)
    if name == "register_error_handler":
        code = _arg(args, kwargs, 0, "code_or_exception")
        func = _arg(args, kwargs, 1, "f")
        _add_hook(obj, "errorhandler", func, site, code)
        return None
    return _passthrough(args, kwargs, site)


def _route_decorator(
    interp: Interpreter, obj: Any, rule: Any, options: dict[str, Any], site: Site
) -> Builtin:
    def decorate(args: list[Any], kwargs: dict[str, Any], _site: Site) -> Any:
        view = args[0] if args else Unknown("no view")
        if isinstance(view, ClassRef):  # flask-smorest / APIFlask: @blp.route on a MethodView
            endpoint = options.get("endpoint") or view.name
            _add_rule(
                obj, rule, endpoint, AsView(view, endpoint), options.get("methods"), site, options
            )
        else:
            _add_rule(
                obj, rule, options.get("endpoint"), view, options.get("methods"), site, options
            )
        return view

    return Builtin(decorate, "route")


def _add_rule(
    obj: Any, rule: Any, endpoint: Any, view: Any, methods: Any, site: Site, options: dict[str, Any]
) -> None:
    kind = "view_class" if isinstance(view, AsView) else "function"
    if view is None:
        kind = "missing"  # add_url_rule(rule, endpoint) alone: a view_functions entry comes later
    rec = RuleRec(rule, endpoint, view, _methods(methods), site, kind)
    obj.records.append(rec)


def _methods(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        if all(isinstance(m, str) for m in value):
            return tuple(m.upper() for m in value)
        return Unknown("methods known at run time")
    return Unknown("methods known at run time")


def _add_hook(obj: Any, method: str, func: Any, site: Site, error: Any = None) -> Any:
    kind = HOOKS[method][0] if method in HOOKS else method
    if kind == "errorhandler" and isinstance(obj, BlueprintObj) and method == "app_errorhandler":
        kind = "app_errorhandler"
    err = None
    if error is not None:
        err = str(error) if isinstance(error, int | str) else _describe(error)
    obj.records.append(HookRec(kind, func, site, err))
    return func


def _describe(value: Any) -> str:
    if isinstance(value, External):
        return value.path.rsplit(".", 1)[-1]
    if isinstance(value, ClassRef):
        return value.name
    return "?"


def _register_blueprint(
    interp: Interpreter, parent: Any, child: Any, options: dict[str, Any], site: Site
) -> None:
    if isinstance(child, BlueprintObj):
        child.registered = True
        reg = BlueprintReg(child, options, site)
        if isinstance(parent, AppObj):
            parent.records.append(reg)
        else:
            parent.children.append(reg)
        return
    if isinstance(child, Instance | RestfulApi | NamespaceObj | AppObj):
        interp.diag(
            "warning",
            site.file,
            site.line,
            "register_blueprint() of something that is not a blueprint",
        )
        return
    why = child.why if isinstance(child, Unknown) else "a value"
    interp.diag(
        "warning",
        site.file,
        site.line,
        f"blueprint registered here is not known statically ({why})",
    )
    if isinstance(parent, AppObj):
        parent.unknown_registrations.append(site)


# ---------------------------------------------------------------------- config


def config_get(config: ConfigObj, key: Any, default: Any, site: Site) -> Any:
    if isinstance(key, str) and key in config.values:
        return config.values[key]
    if default is not MISSING:
        return default
    return Unknown(f"app.config[{key!r}] at run time", site.file, site.line)


def _config_method(
    interp: Interpreter,
    config: ConfigObj,
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    site: Site,
) -> Any:
    if name == "get":
        key = args[0] if args else kwargs.get("key")
        return config_get(config, key, args[1] if len(args) > 1 else kwargs.get("default"), site)
    if name == "setdefault" and args and isinstance(args[0], str):
        return config.values.setdefault(args[0], args[1] if len(args) > 1 else None)
    if name == "from_object" and args:
        source = args[0]
        if isinstance(source, str):
            source = _import_string(interp, source, site)
        _load_config_object(config, source)
        return None
    if name in ("update", "from_mapping"):
        for arg in args:
            if isinstance(arg, dict):
                config.values.update({k: v for k, v in arg.items() if isinstance(k, str)})
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


# ---------------------------------------------------------------------- Flask-RESTful / RESTX


def _api_init_app(
    interp: Interpreter, api: RestfulApi, target: Any, kwargs: dict[str, Any], site: Site
) -> None:
    """``Api(app_or_bp)`` / ``api.init_app(app_or_bp)``."""
    if api.flavour == "restx":
        api.app = target
        api.add_specs = bool(kwargs.get("add_specs", True))
        if isinstance(target, AppObj | BlueprintObj):
            _restx_specs_and_doc(api, target, site)
    if isinstance(target, BlueprintObj):
        target.records.append(ApiInit(api, site))
        api.blueprint = target
    elif isinstance(target, AppObj):
        target.records.append(ApiInit(api, site))
        if api.flavour == "restx":
            target.restx_doc = True
    else:
        why = target.why if isinstance(target, Unknown) else "not an app or blueprint"
        interp.diag(
            "warning",
            site.file,
            site.line,
            f"API attached to something not known statically ({why})",
        )


def _restx_specs_and_doc(api: RestfulApi, target: Any, site: Site) -> None:
    if api.add_specs:
        _register_view(
            api,
            target,
            api.default_ns,
            External("flask_restx.swagger.SwaggerView"),
            ("/swagger.json",),
            {"endpoint": "specs"},
            site,
        )
        api.endpoints.add("specs")
    if api.add_specs and api.doc:
        target.records.append(RuleRec(api.doc, "doc", None, None, site, "restx"))
    target.records.append(RuleRec(api.prefix or "/", "root", None, None, site, "restx"))


def resource_endpoint(api: RestfulApi, resource: Any, ns: Any) -> Any:
    name = _class_name(resource)
    if isinstance(name, Unknown):
        return name
    if api.flavour == "restful":
        return name.lower()
    endpoint = camel_to_dash(name)
    if ns is not None and not getattr(ns, "is_default", False):
        ns_name = ns.name
        if isinstance(ns_name, Unknown):
            return ns_name
        endpoint = f"{ns_name}_{endpoint}"
    if endpoint in api.endpoints:
        suffix = 2
        while f"{endpoint}_{suffix}" in api.endpoints:
            suffix += 1
        endpoint = f"{endpoint}_{suffix}"
    return endpoint


def _class_name(resource: Any) -> Any:
    if isinstance(resource, ClassRef):
        return resource.name
    if isinstance(resource, External):
        return resource.path.rsplit(".", 1)[-1]
    return Unknown("a resource class known at run time")


def _register_view(
    api: RestfulApi,
    target: Any,
    ns: Any,
    resource: Any,
    urls: tuple[Any, ...],
    kwargs: dict[str, Any],
    site: Site,
) -> None:
    """``Api._register_view``: one rule per URL on the app, or a deferred one on the blueprint."""
    kwargs = dict(kwargs)
    endpoint = kwargs.pop("endpoint", None)
    if not endpoint:
        name = _class_name(resource)
        endpoint = (
            name
            if isinstance(name, Unknown)
            else (name.lower() if api.flavour == "restful" else camel_to_dash(name))
        )
    kind = "restx" if api.flavour == "restx" else "restful"
    for url in urls:
        if api.blueprint is not None:
            rule: Any = PartialRule(api, url)
        else:
            rule = complete_url(api, url, "")
        rec = RuleRec(
            rule,
            endpoint,
            AsView(resource, endpoint),
            _methods(kwargs.get("methods")),
            site,
            kind,
            resource,
        )
        target.records.append(rec)


def complete_url(api: RestfulApi, url: Any, registration_prefix: Any) -> Any:
    """``Api._complete_url``: blueprint prefix, API prefix and URL concatenated as strings."""
    parts = {"b": registration_prefix, "a": api.prefix, "e": url}
    for value in parts.values():
        if isinstance(value, Unknown):
            return value
        if value is not None and not isinstance(value, str):
            return Unknown("a URL that is not a string")
    order = (
        api.url_part_order
        if api.flavour == "restful" and isinstance(api.url_part_order, str)
        else "bae"
    )
    return "".join(parts[k] for k in order if parts.get(k))


def add_resource(
    interp: Interpreter,
    api: RestfulApi,
    ns: Any,
    resource: Any,
    urls: tuple[Any, ...],
    kwargs: dict[str, Any],
    site: Site,
) -> None:
    if api.flavour == "restx":
        endpoint = kwargs.get("endpoint") or resource_endpoint(api, resource, ns)
        kwargs = {**kwargs, "endpoint": endpoint}
        if isinstance(endpoint, str):
            api.endpoints.add(endpoint)
    if api.app is not None and isinstance(api.app, AppObj | BlueprintObj):
        _register_view(api, api.app, ns, resource, urls, kwargs, site)
    else:
        api.pending.append((ns, resource, urls, kwargs, site))


def _api_method(
    interp: Interpreter,
    api: RestfulApi,
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    site: Site,
) -> Any:
    if name == "init_app" and args:
        _api_init_app(interp, api, args[0], kwargs, site)
        return None
    if api.flavour == "restful":
        if name == "add_resource" and args:
            add_resource(interp, api, None, args[0], tuple(args[1:]), dict(kwargs), site)
            return None
        if name == "resource":
            urls = tuple(args)
            return Builtin(
                lambda a, k, s: (
                    _then(add_resource(interp, api, None, a[0], urls, dict(kwargs), site), a[0])
                    if a
                    else None
                ),
                "resource",
            )
        return _passthrough(args, kwargs, site)
    if name == "add_namespace" and args:
        _add_namespace(interp, api, args[0], _arg(args, kwargs, 1, "path"), site)
        return None
    if name == "namespace":
        ns = _new_namespace(interp, args, kwargs, site)
        _add_namespace(interp, api, ns, None, site)
        return ns
    if api.default_ns is not None and name in ("route", "add_resource"):
        return _namespace_method(interp, api.default_ns, name, args, kwargs, site)
    return _passthrough(args, kwargs, site)


def _then(_: Any, value: Any) -> Any:
    return value


def _add_namespace(interp: Interpreter, api: RestfulApi, ns: Any, path: Any, site: Site) -> None:
    if not isinstance(ns, NamespaceObj):
        why = ns.why if isinstance(ns, Unknown) else "not a namespace"
        interp.diag(
            "warning", site.file, site.line, f"namespace added here is not known statically ({why})"
        )
        return
    if ns not in api.namespaces:
        api.namespaces.append(ns)
        if api not in ns.apis:
            ns.apis.append(api)
        if path is not None:
            api.ns_paths[id(ns)] = path
    for resource, urls, kwargs, res_site in ns.resources:
        add_resource(interp, api, ns, resource, ns_urls(api, ns, urls), dict(kwargs), res_site)


def ns_urls(api: RestfulApi, ns: NamespaceObj, urls: tuple[Any, ...]) -> tuple[Any, ...]:
    path = api.ns_paths.get(id(ns)) or ns.full_path
    if isinstance(path, Unknown):
        return tuple(path for _ in urls)
    return tuple(
        path + url if isinstance(url, str) and isinstance(path, str) else Unknown("a namespace URL")
        for url in urls
    )


def _namespace_method(
    interp: Interpreter,
    ns: NamespaceObj,
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    site: Site,
) -> Any:
    if name == "add_resource" and args:
        _ns_add_resource(interp, ns, args[0], tuple(args[1:]), dict(kwargs), site)
        return None
    if name == "route":
        urls = tuple(args)
        options = {k: v for k, v in kwargs.items() if k not in ("doc", "route_doc")}

        def decorate(a: list[Any], k: dict[str, Any], s: Site) -> Any:
            if a:
                _ns_add_resource(interp, ns, a[0], urls, dict(options), site)
                return a[0]
            return None

        return Builtin(decorate, "ns.route")
    return _passthrough(args, kwargs, site)


def _ns_add_resource(
    interp: Interpreter,
    ns: NamespaceObj,
    resource: Any,
    urls: tuple[Any, ...],
    kwargs: dict[str, Any],
    site: Site,
) -> None:
    kwargs.pop("route_doc", None)
    ns.resources.append((resource, urls, kwargs, site))
    for api in ns.apis:
        add_resource(interp, api, ns, resource, ns_urls(api, ns, urls), dict(kwargs), site)


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
        return _methods(declared) if declared is not None else None
    methods: set[str] = set()
    for base in cls.bases:
        inherited = class_methods(base, seen)
        if isinstance(inherited, tuple):
            methods.update(inherited)
    for key in HTTP_METHODS:
        if cls.lookup(key) is not MISSING:
            methods.add(key.upper())
    return tuple(sorted(methods)) if methods else None
