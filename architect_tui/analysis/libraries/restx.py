"""Flask-RESTX (1.3, and Flask-RESTPlus before it): ``Api`` with namespaces, default endpoints
and its own documentation routes, on top of the Flask-RESTful machinery (``restful.py``).

After ``flask_restx/api.py`` and ``namespace.py``: ``Api(app_or_bp)`` adds ``/swagger.json``
(endpoint ``specs``), the doc page (``doc``, default ``/``) and the root (``root``) and the
``restx_doc`` static blueprint; resources added to a namespace reach every Api the namespace is
added to, at ``ns.path + url``; default endpoints are ``camel_to_dash(Resource)``, prefixed with
the namespace name outside the default namespace, made unique with ``_2``, ``_3``...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.libraries.base import (
    Context,
    LibraryModel,
    arg,
    class_name,
    passthrough,
)
from architect_tui.analysis.libraries.restful import (
    RestfulApi,
    add_resource,
    attach,
    register_view,
)
from architect_tui.analysis.values import (
    AppObj,
    BlueprintObj,
    Builtin,
    ClassRef,
    External,
    RuleRec,
    Site,
    Unknown,
)

API_CLASSES = frozenset({"flask_restx.Api", "flask_restx.api.Api", "flask_restplus.Api"})
NAMESPACE_CLASSES = frozenset(
    {"flask_restx.Namespace", "flask_restx.namespace.Namespace", "flask_restplus.Namespace"}
)

_FIRST_CAP = re.compile("(.)([A-Z][a-z]+)")
_ALL_CAP = re.compile("([a-z0-9])([A-Z])")


def camel_to_dash(value: str) -> str:
    """Flask-RESTX's default endpoint spelling (``UserList`` -> ``user_list``)."""
    return _ALL_CAP.sub(r"\1_\2", _FIRST_CAP.sub(r"\1_\2", value)).lower()


@dataclass(eq=False)
class NamespaceObj:
    """A Flask-RESTX ``Namespace``: resources wait here until added to an ``Api``."""

    name: Any
    path: Any
    site: Site
    resources: list[tuple[Any, tuple[Any, ...], dict[str, Any], Site]] = field(default_factory=list)
    apis: list[RestfulApi] = field(default_factory=list)
    user_class: ClassRef | None = None
    is_default: bool = False

    @property
    def full_path(self) -> Any:
        if isinstance(self.path, Unknown) or isinstance(self.name, Unknown):
            return self.path if isinstance(self.path, Unknown) else self.name
        if self.path is not None and not isinstance(self.path, str):
            return Unknown("namespace path is not a string")
        return (self.path or ("/" + str(self.name))).rstrip("/")


def resource_endpoint(api: RestfulApi, resource: Any, ns: Any) -> Any:
    """``Api.default_endpoint``: dashed class name, namespace prefix, unique suffix."""
    name = class_name(resource)
    if isinstance(name, Unknown):
        return name
    endpoint = camel_to_dash(name)
    if ns is not None and not getattr(ns, "is_default", False):
        if isinstance(ns.name, Unknown):
            return ns.name
        endpoint = f"{ns.name}_{endpoint}"
    if endpoint in api.endpoints:
        suffix = 2
        while f"{endpoint}_{suffix}" in api.endpoints:
            suffix += 1
        endpoint = f"{endpoint}_{suffix}"
    return endpoint


def _specs_and_doc(api: RestfulApi, target: Any, kwargs: dict[str, Any], site: Site) -> None:
    """``Api._init_app``: the spec view, the doc page and the root, on the app or blueprint."""
    api.add_specs = bool(kwargs.get("add_specs", True))
    if not isinstance(target, AppObj | BlueprintObj):
        return
    if api.add_specs:
        register_view(
            api,
            target,
            External("flask_restx.swagger.SwaggerView"),
            ("/swagger.json",),
            {"endpoint": "specs"},
            site,
        )
        api.endpoints.add("specs")
    if api.add_specs and api.doc:
        target.records.append(RuleRec(api.doc, "doc", None, None, site, "restx"))
    target.records.append(RuleRec(api.prefix or "/", "root", None, None, site, "restx"))
    if isinstance(target, AppObj):
        target.restx_doc = True


def new_api(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> RestfulApi:
    """``Api(app=None, version, title, ..., doc="/", ..., prefix="")``."""
    api = RestfulApi("restx", site)
    api.prefix = kwargs.get("prefix", "")
    api.doc = kwargs.get("doc", "/")
    api.naming = resource_endpoint
    api.on_init = _specs_and_doc
    api.default_ns = NamespaceObj("default", "/", site, is_default=True)
    api.default_ns.apis.append(api)
    api.namespaces.append(api.default_ns)
    attach(ctx, api, arg(args, kwargs, 0, "app"), {}, site)
    return api


def new_namespace(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> NamespaceObj:
    """``Namespace(name, description=None, path=None, ...)``."""
    return NamespaceObj(
        arg(args, kwargs, 0, "name", Unknown("namespace name", site.file, site.line)),
        arg(args, kwargs, 2, "path"),
        site,
    )


def ns_urls(api: RestfulApi, ns: NamespaceObj, urls: tuple[Any, ...]) -> tuple[Any, ...]:
    path = api.ns_paths.get(id(ns)) or ns.full_path
    if isinstance(path, Unknown):
        return tuple(path for _ in urls)
    return tuple(
        path + url if isinstance(url, str) and isinstance(path, str) else Unknown("a namespace URL")
        for url in urls
    )


def _add_namespace(ctx: Context, api: RestfulApi, ns: Any, path: Any, site: Site) -> None:
    if not isinstance(ns, NamespaceObj):
        why = ns.why if isinstance(ns, Unknown) else "not a namespace"
        ctx.diag(
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
        add_resource(api, ns, resource, ns_urls(api, ns, urls), dict(kwargs), res_site)


def _ns_add_resource(
    ns: NamespaceObj, resource: Any, urls: tuple[Any, ...], kwargs: dict[str, Any], site: Site
) -> None:
    kwargs.pop("route_doc", None)
    ns.resources.append((resource, urls, kwargs, site))
    for api in ns.apis:
        add_resource(api, ns, resource, ns_urls(api, ns, urls), dict(kwargs), site)


def namespace_method(
    ctx: Context, ns: NamespaceObj, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    if name == "add_resource" and args:
        _ns_add_resource(ns, args[0], tuple(args[1:]), dict(kwargs), site)
        return None
    if name == "route":
        urls = tuple(args)
        options = {k: v for k, v in kwargs.items() if k not in ("doc", "route_doc")}

        def decorate(a: list[Any], k: dict[str, Any], s: Site) -> Any:
            if a:
                _ns_add_resource(ns, a[0], urls, dict(options), site)
                return a[0]
            return None

        return Builtin(decorate, "ns.route")
    return passthrough(args, kwargs)


def api_method(
    ctx: Context, api: RestfulApi, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    """Methods of a RESTX ``Api`` (``init_app`` and ``__init__`` are handled by ``restful``)."""
    if name == "add_namespace" and args:
        _add_namespace(ctx, api, args[0], arg(args, kwargs, 1, "path"), site)
        return None
    if name == "namespace":
        ns = new_namespace(ctx, "", args, kwargs, site)
        _add_namespace(ctx, api, ns, None, site)
        return ns
    if api.default_ns is not None and name in ("route", "add_resource"):
        return namespace_method(ctx, api.default_ns, name, args, kwargs, site)
    return passthrough(args, kwargs)


class RestxModel(LibraryModel):
    name = "flask-restx"
    classes = {
        **dict.fromkeys(API_CLASSES, new_api),
        **dict.fromkeys(NAMESPACE_CLASSES, new_namespace),
    }
    values = (NamespaceObj,)  # its Api is a RestfulApi, answered by restful.py

    def attr(self, ctx: Context, obj: Any, attr: str, site: Site | None) -> Any:
        if attr in ("name", "path"):
            return obj.name if attr == "name" else obj.full_path
        return super().attr(ctx, obj, attr, site)

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if name == "__init__":
            base = getattr(obj, "base_path", None)
            if base is not None:
                from architect_tui.analysis.libraries.base import adopt

                adopt(ctx, obj, ctx.construct(base, args, kwargs, site))
            return None
        return namespace_method(ctx, obj, name, args, kwargs, site)


MODEL = RestxModel()
