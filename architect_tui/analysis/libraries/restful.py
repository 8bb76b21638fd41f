"""Flask-RESTful's ``Api`` (0.3.10, ``flask_restful/__init__.py``), and the machinery Flask-RESTX
inherited from it (``restx.py`` plugs its endpoint naming, namespaces and docs into it).

``Api(app_or_bp)`` / ``init_app``: on an app, ``add_resource`` adds rules right away; on a
blueprint, the Api records a deferred setup (``_deferred_blueprint_init``) and each rule is
completed when the blueprint is registered: blueprint prefix, Api prefix and URL joined as plain
strings in ``url_part_order`` (``_complete_url``), endpoint ``blueprint.name + "." + endpoint``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.libraries.base import (
    Context,
    LibraryModel,
    adopt,
    arg,
    class_name,
    passthrough,
)
from architect_tui.analysis.libraries.flask import methods_of
from architect_tui.analysis.values import (
    ApiInit,
    AppObj,
    AsView,
    BlueprintObj,
    Builtin,
    ClassRef,
    PartialRule,
    RuleRec,
    Site,
    Unknown,
)

API_CLASSES = frozenset({"flask_restful.Api"})


@dataclass(eq=False)
class RestfulApi:
    """A Flask-RESTful ``Api``; ``flavour`` is "restful" or "restx" (RESTX adds namespaces)."""

    flavour: str
    site: Site
    prefix: Any = ""
    app: Any = None  # what add_resource registers on right away (Flask-RESTful's self.app)
    blueprint: Any = None
    pending: list[tuple[Any, Any, tuple[Any, ...], dict[str, Any], Site]] = field(
        default_factory=list
    )  # (namespace, resource, urls, kwargs, site)
    url_part_order: Any = "bae"
    doc: Any = "/"
    add_specs: bool = True
    endpoints: set[str] = field(default_factory=set)
    namespaces: list[Any] = field(default_factory=list)
    ns_paths: dict[int, Any] = field(default_factory=dict)
    default_ns: Any = None
    user_class: ClassRef | None = None
    #: RESTX: the default endpoint of a resource (``camel_to_dash``, namespace prefix...)
    naming: Callable[[RestfulApi, Any, Any], Any] | None = None
    #: RESTX: what ``init_app`` adds besides the deferred setup (specs, doc, root)
    on_init: Callable[[RestfulApi, Any, dict[str, Any], Site], None] | None = None


def new_api(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> RestfulApi:
    """``Api(app=None, prefix="", ..., url_part_order="bae")``."""
    api = RestfulApi("restful", site)
    api.prefix = arg(args, kwargs, 1, "prefix", "")
    api.url_part_order = kwargs.get("url_part_order", "bae")
    attach(ctx, api, arg(args, kwargs, 0, "app"), {}, site)
    return api


def attach(ctx: Context, api: RestfulApi, target: Any, kwargs: dict[str, Any], site: Site) -> None:
    """``Api(app_or_bp)`` / ``api.init_app(app_or_bp)`` (nothing when no target is given)."""
    if target is None:
        return
    api.app = target
    if api.on_init is not None:
        api.on_init(api, target, kwargs, site)
    if isinstance(target, BlueprintObj):
        target.records.append(ApiInit(api, site))
        api.blueprint = target
    elif isinstance(target, AppObj):
        target.records.append(ApiInit(api, site))
    else:
        why = target.why if isinstance(target, Unknown) else "not an app or blueprint"
        ctx.diag(
            "warning",
            site.file,
            site.line,
            f"API attached to something not known statically ({why})",
        )


def default_endpoint(api: RestfulApi, resource: Any, ns: Any = None) -> Any:
    """``add_resource``'s endpoint when none is given: the class name, lower case (RESTful)."""
    if api.naming is not None:
        return api.naming(api, resource, ns)
    name = class_name(resource)
    return name if isinstance(name, Unknown) else name.lower()


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


def resource_rule(
    api: RestfulApi, resource: Any, endpoint: Any, kwargs: dict[str, Any], site: Site, rule: Any
) -> RuleRec:
    """One rule of a resource, as ``compose.py`` replays it."""
    kind = "restx" if api.flavour == "restx" else "restful"
    return RuleRec(
        rule,
        endpoint,
        AsView(resource, endpoint),
        methods_of(kwargs.get("methods")),
        site,
        kind,
        resource,
    )


def register_view(
    api: RestfulApi,
    target: Any,
    resource: Any,
    urls: tuple[Any, ...],
    kwargs: dict[str, Any],
    site: Site,
) -> None:
    """``Api._register_view``: one rule per URL on the app, or a deferred one on the blueprint."""
    endpoint = kwargs.get("endpoint") or default_endpoint(api, resource)
    for url in urls:
        rule = PartialRule(api, url) if api.blueprint is not None else complete_url(api, url, "")
        target.records.append(resource_rule(api, resource, endpoint, kwargs, site, rule))


def add_resource(
    api: RestfulApi,
    ns: Any,
    resource: Any,
    urls: tuple[Any, ...],
    kwargs: dict[str, Any],
    site: Site,
) -> None:
    """``Api.add_resource``: registered now when the Api has its app, kept for later otherwise."""
    if api.naming is not None:  # RESTX names (and de-duplicates) endpoints right away
        endpoint = kwargs.get("endpoint") or default_endpoint(api, resource, ns)
        kwargs = {**kwargs, "endpoint": endpoint}
        if isinstance(endpoint, str):
            api.endpoints.add(endpoint)
    if isinstance(api.app, AppObj | BlueprintObj):
        register_view(api, api.app, resource, urls, kwargs, site)
    else:
        api.pending.append((ns, resource, urls, kwargs, site))


def _resource_decorator(
    api: RestfulApi, urls: tuple[Any, ...], kwargs: dict[str, Any], site: Site
) -> Builtin:
    def decorate(a: list[Any], k: dict[str, Any], s: Site) -> Any:
        if not a:
            return None
        add_resource(api, None, a[0], urls, dict(kwargs), site)
        return a[0]

    return Builtin(decorate, "resource")


def reinit_api(
    ctx: Context, api: RestfulApi, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> None:
    """``super().__init__(app, ...)`` in a project subclass of ``Api`` (redash's): the base Api
    is built without its app, its state moved in, then attached to the app."""
    target = arg(args, kwargs, 0, "app")
    rest = {k: v for k, v in kwargs.items() if k != "app"}
    adopt(ctx, api, ctx.construct(path, [None, *args[1:]], rest, site))
    if api.default_ns is not None:
        api.default_ns.apis = [api]
        api.namespaces = [api.default_ns]
    if target is not None:
        attach(ctx, api, target, {}, site)


class RestfulModel(LibraryModel):
    name = "flask-restful"
    classes = dict.fromkeys(API_CLASSES, new_api)
    values = (RestfulApi,)

    def attr(self, ctx: Context, obj: Any, attr: str, site: Site | None) -> Any:
        if attr == "prefix":
            return obj.prefix
        if attr == "default_namespace" and obj.default_ns is not None:
            return obj.default_ns
        return super().attr(ctx, obj, attr, site)

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        api: RestfulApi = obj
        if name == "__init__":
            if getattr(api, "base_path", None) is not None:
                reinit_api(ctx, api, api.base_path, args, kwargs, site)  # type: ignore[attr-defined]
            return None
        if name == "init_app" and args:
            attach(ctx, api, args[0], kwargs, site)
            return None
        if api.flavour == "restx":
            from architect_tui.analysis.libraries.restx import api_method

            return api_method(ctx, api, name, args, kwargs, site)
        if name == "add_resource" and args:
            add_resource(api, None, args[0], tuple(args[1:]), dict(kwargs), site)
            return None
        if name == "resource":
            return _resource_decorator(api, tuple(args), kwargs, site)
        return passthrough(args, kwargs)


MODEL = RestfulModel()
