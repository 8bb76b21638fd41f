"""Flask-AppBuilder (5.x, ``flask_appbuilder/base.py``, ``baseviews.py``, ``api/__init__.py``,
``security/manager.py``): ``AppBuilder(app, session)`` adds its own views, ``add_view`` turns
each project view class into a blueprint.

- ``AppBuilder(app=None, session, menu, indexview, base_template, static_folder,
  static_url_path, security_manager_class, update_perms)``; with an app it runs ``init_app``
  at once, else at ``appbuilder.init_app(app, session)``. ``init_app`` registers the
  ``appbuilder`` static blueprint (``/static`` + ``/appbuilder``), the index view, ``UtilView``,
  the locale view, the security views and APIs (which depend on ``AUTH_TYPE`` and the
  ``FAB_ADD_*`` settings), the OpenAPI views (``FAB_API_SWAGGER_UI``) and the menu API: the
  model lists them for the settings it can read, and says so where it cannot.
- ``add_view(cls_or_view, name, ...)``, ``add_view_no_menu(view, endpoint=None,
  static_folder=None)``, ``add_api(cls)``: a class is instantiated; a class already added (by
  class name) is skipped. ``BaseView.create_blueprint``: blueprint name = ``endpoint`` or the
  class name, url prefix = ``route_base`` or ``/`` + class name in lower case;
  ``BaseApi.create_blueprint``: ``route_base`` or ``/api/<version>/<resource_name or class name
  lower>``. ``_register_urls``: one rule per ``@expose(url, methods)`` of every attribute in
  ``dir(view)`` (``include_route_methods`` / ``exclude_route_methods`` filter by name; a method
  redefined without ``@expose`` is no longer exposed), endpoint ``<blueprint>.<method name>``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.libraries.base import (
    Context,
    LibraryModel,
    adopt,
    arg,
    passthrough,
    url_marker,
)
from architect_tui.analysis.libraries.flask import register_blueprint, synthetic_blueprint
from architect_tui.analysis.values import (
    AppObj,
    Builtin,
    ClassRef,
    External,
    FuncRef,
    RuleRec,
    Site,
    Unknown,
)

GET = ("GET",)
POST = ("POST",)
GET_POST = ("GET", "POST")

Urls = dict[str, list[tuple[str, tuple[str, ...]]]]

#: The exposed methods of FAB's view classes (``views.py``, ``charts/views.py``, ``api``).
MODEL_VIEW: Urls = {
    "action": [("/action/<string:name>/<pk>", GET_POST)],
    "action_post": [("/action_post", POST)],
    "add": [("/add", GET_POST)],
    "delete": [("/delete/<pk>", GET_POST)],
    "download": [("/download/<string:filename>", GET)],
    "edit": [("/edit/<pk>", GET_POST)],
    "list": [("/list/", GET)],
    "show": [("/show/<pk>", GET)],
}
FORM_VIEW: Urls = {"this_form_get": [("/form", GET)], "this_form_post": [("/form", POST)]}
CHART_VIEW: Urls = {"chart": [("/chart/", GET), ("/chart/<group_by>", GET)]}
MODEL_REST_API: Urls = {
    "delete": [("/<pk>", ("DELETE",))],
    "get": [("/<int:pk>", GET)],
    "get_list": [("/", GET)],
    "info": [("/_info", GET)],
    "post": [("/", POST)],
    "put": [("/<pk>", ("PUT",))],
}


@dataclass(frozen=True)
class LibraryView:
    """One FAB view class: its exposed methods, its ``route_base``, whether it is an API."""

    urls: Urls
    route_base: str | None = None
    api: bool = False


def _paths(module: str, name: str, *, top: bool = True) -> list[str]:
    return [f"{module}.{name}", *([f"flask_appbuilder.{name}"] if top else [])]


_LIBRARY_VIEWS: list[tuple[list[str], LibraryView]] = [
    (_paths("flask_appbuilder.baseviews", "BaseView"), LibraryView({})),
    (_paths("flask_appbuilder.views", "IndexView"), LibraryView({"index": [("/", GET)]}, "")),
    (_paths("flask_appbuilder.views", "ModelView"), LibraryView(MODEL_VIEW)),
    (_paths("flask_appbuilder.views", "SimpleFormView"), LibraryView(FORM_VIEW)),
    (_paths("flask_appbuilder.views", "PublicFormView"), LibraryView(FORM_VIEW)),
    (
        _paths("flask_appbuilder.views", "MasterDetailView"),
        LibraryView({"list": [("/list/<pk>", GET), ("/list/", GET)]}),
    ),
    (_paths("flask_appbuilder.views", "MultipleView"), LibraryView({"list": [("/list/", GET)]})),
    (
        _paths("flask_appbuilder.views", "CompactCRUDMixin"),
        LibraryView(
            {
                "add": [("/add/", GET_POST)],
                "delete": [("/delete/<pk>", GET_POST)],
                "edit": [("/edit/<pk>", GET_POST)],
                "list": [("/list/", GET_POST)],
            }
        ),
    ),
    (_paths("flask_appbuilder.charts.views", "GroupByChartView"), LibraryView(CHART_VIEW)),
    (_paths("flask_appbuilder.charts.views", "DirectByChartView"), LibraryView(CHART_VIEW)),
    (
        [*_paths("flask_appbuilder.api", "BaseApi", top=False), "flask_appbuilder.BaseApi"],
        LibraryView({}, api=True),
    ),
    (_paths("flask_appbuilder.api", "ModelRestApi"), LibraryView(MODEL_REST_API, api=True)),
]
LIBRARY_VIEWS: dict[str, LibraryView] = {p: view for paths, view in _LIBRARY_VIEWS for p in paths}
# ``CompactCRUDMixin`` comes first in ``class V(CompactCRUDMixin, ModelView)``: its methods win.
_MIXINS = frozenset(_paths("flask_appbuilder.views", "CompactCRUDMixin"))

APPBUILDERS = frozenset({"flask_appbuilder.AppBuilder", "flask_appbuilder.base.AppBuilder"})
EXPOSE = frozenset(
    {
        "flask_appbuilder.expose",
        "flask_appbuilder.baseviews.expose",
        "flask_appbuilder.api.expose",
    }
)


@dataclass(frozen=True)
class FabBuiltin:
    """A view FAB adds itself (class name, url prefix, exposed methods)."""

    name: str
    route_base: str
    urls: Urls


def _fab(name: str, route_base: str, urls: Urls) -> FabBuiltin:
    return FabBuiltin(name, route_base, urls)


INDEX = _fab("IndexView", "", {"index": [("/", GET)]})
UTIL = _fab("UtilView", "", {"back": [("/back", GET)]})
LOCALE = _fab("LocaleView", "/lang", {"index": [("/<string:locale>", GET)]})
SECURITY_API = _fab(
    "SecurityApi",
    "/api/v1/security",
    {"login": [("/login", POST)], "refresh": [("/refresh", POST)]},
)
USER_INFO_EDIT = _fab("UserInfoEditView", "/userinfoeditview", FORM_VIEW)
#: ``AUTH_TYPE = AUTH_DB`` (the default): the database login, password views, user list.
AUTH_DB_VIEWS = (
    _fab("ResetPasswordView", "/resetpassword", FORM_VIEW),
    _fab("ResetMyPasswordView", "/resetmypassword", FORM_VIEW),
    _fab("AuthDBView", "", {"login": [("/login/", GET_POST)], "logout": [("/logout/", GET)]}),
    _fab("UserDBModelView", "/users", {**MODEL_VIEW, "userinfo": [("/userinfo/", GET)]}),
)
ROLES = _fab("RoleModelView", "/roles", MODEL_VIEW)
GROUPS = _fab("UserGroupModelView", "/groups", MODEL_VIEW)
USER_STATS = _fab("UserStatsChartView", "/userstatschartview", CHART_VIEW)
#: Settings that each add one more security view (default True).
SECURITY_OPTIONAL = (
    ("FAB_ADD_SECURITY_PERMISSION_VIEW", _fab("PermissionModelView", "/permissions", MODEL_VIEW)),
    ("FAB_ADD_SECURITY_VIEW_MENU_VIEW", _fab("ViewMenuModelView", "/viewmenus", MODEL_VIEW)),
    (
        "FAB_ADD_SECURITY_PERMISSION_VIEWS_VIEW",
        _fab("PermissionViewModelView", "/permissionviews", MODEL_VIEW),
    ),
)
OPENAPI = (
    _fab("OpenApi", "/api", {"get": [("/<version>/_openapi", GET)]}),
    _fab("SwaggerView", "/swagger", {"show": [("/<version>", GET)]}),
)
MENU_API = _fab("MenuApi", "/api/v1/menu", {"get_menu_data": [("/", GET)]})

#: Settings the model reads, with FAB's defaults.
DEFAULTS: dict[str, Any] = {
    "FAB_ADD_SECURITY_VIEWS": True,
    "AUTH_TYPE": 1,  # AUTH_DB
    "AUTH_USER_REGISTRATION": False,
    "FAB_ADD_SECURITY_PERMISSION_VIEW": True,
    "FAB_ADD_SECURITY_VIEW_MENU_VIEW": True,
    "FAB_ADD_SECURITY_PERMISSION_VIEWS_VIEW": True,
    "FAB_ADD_OPENAPI_VIEWS": True,
    "FAB_API_SWAGGER_UI": False,
    "FAB_ADD_MENU_API": True,
    "FAB_STATIC_URL_PATH": "/appbuilder",
    "FAB_INDEX_VIEW": None,
    "FAB_SECURITY_MANAGER_CLASS": None,
    "ADDON_MANAGERS": [],
}


@dataclass(eq=False)
class FabView:
    """An instance of a FAB view class (``add_view(MyView())``)."""

    base: str
    site: Site
    user_class: ClassRef | None = None
    base_path: str | None = None


@dataclass(eq=False)
class AppBuilderObj:
    """``AppBuilder``: the app once it has one, the class names of the views added."""

    site: Site
    app: Any = None
    indexview: Any = None
    security_manager_class: Any = None
    static_url_path: Any = "/appbuilder"
    pending: list[tuple[Any, Any, Any, Site]] = field(default_factory=list)
    added: set[str] = field(default_factory=set)
    user_class: ClassRef | None = None
    base_path: str | None = None


def new_appbuilder(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> AppBuilderObj:
    builder = AppBuilderObj(site)
    builder.indexview = arg(args, kwargs, 3, "indexview")
    builder.static_url_path = arg(args, kwargs, 6, "static_url_path", "/appbuilder")
    builder.security_manager_class = arg(args, kwargs, 7, "security_manager_class")
    app = arg(args, kwargs, 0, "app")
    if app is not None:
        init_app(ctx, builder, app, site)
    return builder


def new_view(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> FabView:
    return FabView(path, site)


def _expose(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Builtin:
    """``@expose(url="/", methods=("GET",))``: ``f._urls.append((url, methods))``."""
    return url_marker(args, kwargs, "fab_urls")


# ---------------------------------------------------------------------- settings


def _setting(app: AppObj, key: str) -> Any:
    """``app.config.get(key, default)`` as far as the reader knows it (Unknown otherwise)."""
    values = app.config.values
    if key in values:
        return values[key]
    if app.config.opaque:
        return Unknown(f"{key}: the app's config is only known at run time")
    return DEFAULTS[key]


def _auth_db(value: Any) -> Any:
    """``AUTH_TYPE``: True for ``AUTH_DB`` (the default), False for another, None if unknown."""
    if value == 1 and not isinstance(value, bool):
        return True
    if isinstance(value, External):
        return value.path.rsplit(".", 1)[-1] == "AUTH_DB"
    if isinstance(value, int) and not isinstance(value, bool):
        return False
    return None


def _builtin_views(ctx: Context, builder: AppBuilderObj, app: AppObj, site: Site) -> list[Any]:
    """``_add_admin_views``: what FAB itself adds, for the settings the reader can see."""

    unknown: list[str] = []

    def known(key: str) -> Any:
        value = _setting(app, key)
        if isinstance(value, Unknown | External):
            unknown.append(key)
            return None
        return value

    views: list[Any] = []
    index = builder.indexview
    if index is None:
        index = _setting(app, "FAB_INDEX_VIEW")
        if isinstance(index, str | Unknown):
            ctx.diag(
                "warning",
                site.file,
                site.line,
                "Flask-AppBuilder index view not listed: FAB_INDEX_VIEW names a class "
                "imported at run time",
            )
            index = False
    views.append(INDEX if index is None else index)
    views.extend([UTIL, LOCALE])
    if not _custom_security(ctx, builder, app, site) and known("FAB_ADD_SECURITY_VIEWS"):
        views.extend(_security_views(ctx, app, site, known))
    if known("FAB_ADD_OPENAPI_VIEWS") and known("FAB_API_SWAGGER_UI"):
        views.extend(OPENAPI)
    if known("FAB_ADD_MENU_API"):
        views.append(MENU_API)
    addons = _setting(app, "ADDON_MANAGERS")
    if addons:
        ctx.diag(
            "warning",
            site.file,
            site.line,
            "Flask-AppBuilder addon views not listed: ADDON_MANAGERS imports them at run time",
        )
    if unknown:
        ctx.diag(
            "warning",
            site.file,
            site.line,
            f"Flask-AppBuilder views that depend on {', '.join(unknown)} not listed: "
            "known at run time only",
        )
    return [v for v in views if v is not False]


def _security_views(ctx: Context, app: AppObj, site: Site, known: Any) -> list[Any]:
    """``SecurityManager.register_views`` (``security/manager.py``)."""
    views: list[Any] = [SECURITY_API]
    registration = known("AUTH_USER_REGISTRATION")
    auth_db = _auth_db(_setting(app, "AUTH_TYPE"))
    if registration or registration is None or not auth_db:
        what = "AUTH_TYPE" if not auth_db else "AUTH_USER_REGISTRATION"
        ctx.diag(
            "warning",
            site.file,
            site.line,
            f"Flask-AppBuilder login, registration and user views not listed: {what} is "
            "not the default database login (only that one is modelled)",
        )
        views.extend([USER_INFO_EDIT, ROLES, GROUPS, USER_STATS])
    else:
        views.extend([USER_INFO_EDIT, *AUTH_DB_VIEWS, ROLES, GROUPS, USER_STATS])
    for key, view in SECURITY_OPTIONAL:
        if known(key):
            views.append(view)
    return views


def _custom_security(ctx: Context, builder: AppBuilderObj, app: AppObj, site: Site) -> bool:
    """A project ``SecurityManager`` subclass that swaps views: its views are not listed."""
    manager = builder.security_manager_class
    if manager is None:
        manager = _setting(app, "FAB_SECURITY_MANAGER_CLASS")
    if manager is None:
        return False
    if isinstance(manager, ClassRef):
        overrides = {
            name
            for klass in manager.mro()
            if isinstance(klass, ClassRef)
            for name in klass.attrs
            if name.endswith(("view", "api")) or name == "register_views"
        }
        if not overrides:
            return False
        why = f"{manager.name} overrides {', '.join(sorted(overrides))}"
    else:
        why = "the security manager class is only known at run time"
    ctx.diag("warning", site.file, site.line, f"Flask-AppBuilder security views not listed: {why}")
    return True


# ---------------------------------------------------------------------- views and blueprints


def init_app(ctx: Context, builder: AppBuilderObj, app: Any, site: Site) -> None:
    builder.app = app
    if not isinstance(app, AppObj):
        why = app.why if isinstance(app, Unknown) else "not a Flask app"
        ctx.diag("warning", site.file, site.line, f"Flask-AppBuilder views not listed: {why}")
        return
    static = _setting(app, "FAB_STATIC_URL_PATH")
    if "FAB_STATIC_URL_PATH" not in app.config.values:
        static = builder.static_url_path
    bp = synthetic_blueprint("appbuilder", "flask_appbuilder.base", site, "/static")
    bp.static_folder = "static/appbuilder"
    bp.static_url_path = static if isinstance(static, str) else Unknown("FAB_STATIC_URL_PATH")
    register_blueprint(ctx, app, bp, {}, site)
    for view in _builtin_views(ctx, builder, app, site):
        add_view(ctx, builder, view, None, None, site)
    pending, builder.pending = builder.pending, []
    for view, endpoint, static_folder, where in pending:
        add_view(ctx, builder, view, endpoint, static_folder, where)


def _names(value: Any) -> set[str] | Unknown | None:
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset) and all(isinstance(v, str) for v in value):
        return set(value)
    return Unknown("route methods known at run time")


def _exposed(cls: ClassRef, paths: list[str]) -> list[tuple[str, Any, Any, FuncRef | None]]:
    """``_register_urls``: (method name, url, methods, project function or None) by name."""
    library: Urls = {}
    for path in reversed(paths):  # the first base's methods win
        library.update(LIBRARY_VIEWS[path].urls)
    own: dict[str, FuncRef] = {}
    for klass in reversed(cls.mro()):
        if isinstance(klass, ClassRef):
            own.update({k: v for k, v in klass.attrs.items() if isinstance(v, FuncRef)})
    out: list[tuple[str, Any, Any, FuncRef | None]] = []
    for name in sorted({*library, *own}):
        func = own.get(name)
        if func is not None:
            out.extend((name, url, methods, func) for url, methods in getattr(func, "fab_urls", []))
        else:
            out.extend((name, url, methods, None) for url, methods in library[name])
    return out


def _blueprint_of_class(
    ctx: Context, cls: ClassRef, site: Site
) -> tuple[Any, list[tuple[str, Any, Any, FuncRef | None]]] | None:
    """``create_blueprint`` for a project class: (url prefix, exposed methods), or None."""
    paths = [k.path for k in cls.mro() if isinstance(k, External) and k.path in LIBRARY_VIEWS]
    if not paths:
        ctx.diag("warning", site.file, site.line, f"{cls.name} is not a Flask-AppBuilder view")
        return None
    base = LIBRARY_VIEWS[paths[0]]
    is_api = any(LIBRARY_VIEWS[p].api for p in paths)
    route_base = _class_value(cls, "route_base", base.route_base)
    if route_base is None:
        if is_api:
            version = _class_value(cls, "version", "v1")
            resource = _class_value(cls, "resource_name", None) or cls.name.lower()
            if isinstance(version, str) and isinstance(resource, str):
                route_base = f"/api/{version}/{resource.lower()}"
            else:
                route_base = Unknown("an API version or resource name known at run time")
        else:
            route_base = "/" + cls.name.lower()
    include = _names(_class_value(cls, "include_route_methods", None))
    exclude = _names(_class_value(cls, "exclude_route_methods", set()))
    if (
        isinstance(include, Unknown)
        or isinstance(exclude, Unknown)
        or not isinstance(route_base, str)
    ):
        ctx.diag(
            "warning",
            site.file,
            site.line,
            f"{cls.name} routes not listed: its route_base or route methods are known at run time",
        )
        return None
    exposed = [
        e
        for e in _exposed(cls, paths)
        if (include is None or e[0] in include) and e[0] not in (exclude or set())
    ]
    return route_base, exposed


def _class_value(cls: ClassRef, name: str, default: Any) -> Any:
    """The attribute as the view instance has it: FAB instantiates the class first, so a
    ``self.route_base = "/x"`` in a project ``__init__`` wins over the class body (a literal
    string is taken; anything else is only known at run time)."""
    from architect_tui.analysis.values import MISSING

    init = cls.lookup("__init__")
    if isinstance(init, FuncRef) and not isinstance(init.node, ast.Lambda):
        for node in ast.walk(init.node):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == name
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    value = node.value  # type: ignore[union-attr]
                    if isinstance(value, ast.Constant) and isinstance(value.value, str | None):
                        return value.value
                    return Unknown(f"self.{name} set in __init__")
    value = cls.lookup(name)
    return default if value is MISSING else value


def add_view(
    ctx: Context, builder: AppBuilderObj, view: Any, endpoint: Any, static_folder: Any, site: Site
) -> None:
    """``add_view`` / ``add_view_no_menu`` / ``add_api``: instantiate, skip a class already added,
    ``create_blueprint`` and register it on the app."""
    if isinstance(view, FabView) and view.user_class is not None:
        view = view.user_class
    if isinstance(view, FabView):
        name = view.base.rsplit(".", 1)[-1]
        ctx.diag("warning", site.file, site.line, f"a bare {name} adds no route")
        return
    if not isinstance(view, ClassRef | FabBuiltin):
        why = view.why if isinstance(view, Unknown) else "not a Flask-AppBuilder view class"
        ctx.diag("warning", site.file, site.line, f"Flask-AppBuilder view not listed: {why}")
        return
    if not isinstance(builder.app, AppObj):
        builder.pending.append((view, endpoint, static_folder, site))
        return
    if view.name in builder.added:
        return  # ``_view_exists``: FAB logs a warning and keeps the first
    builder.added.add(view.name)
    if isinstance(view, FabBuiltin):
        prefix: Any = view.route_base
        exposed = [
            (name, url, methods, None) for name, urls in view.urls.items() for url, methods in urls
        ]
    else:
        made = _blueprint_of_class(ctx, view, site)
        if made is None:
            return
        prefix, exposed = made
    bp_name = endpoint if isinstance(endpoint, str) else view.name
    bp = synthetic_blueprint(bp_name, "flask_appbuilder.baseviews", site, prefix or None)
    if isinstance(static_folder, str):
        bp.static_folder = static_folder
    for name, url, methods, func in exposed:
        bp.records.append(
            RuleRec(url, name, func, tuple(m.upper() for m in methods), site, "view_class")
        )
    register_blueprint(ctx, builder.app, bp, {}, site)


class AppBuilderModel(LibraryModel):
    name = "flask-appbuilder"
    classes = {
        **dict.fromkeys(APPBUILDERS, new_appbuilder),
        **dict.fromkeys(LIBRARY_VIEWS, new_view),
    }
    functions = dict.fromkeys(EXPOSE, _expose)
    values = (AppBuilderObj, FabView)
    method_markers = frozenset({"expose"})

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if name == "__init__":
            if getattr(obj, "base_path", None) is not None and isinstance(obj, AppBuilderObj):
                adopt(ctx, obj, ctx.construct(obj.base_path, args, kwargs, site))
            return None
        if isinstance(obj, AppBuilderObj):
            if name == "init_app" and args:
                init_app(ctx, obj, args[0], site)
                return None
            if name in ("add_view", "add_view_no_menu", "add_api") and args:
                endpoint = static = None
                if name == "add_view_no_menu":
                    endpoint = arg(args, kwargs, 1, "endpoint")
                    static = arg(args, kwargs, 2, "static_folder")
                add_view(ctx, obj, args[0], endpoint, static, site)
                return args[0]
        return passthrough(args, kwargs)


MODEL = AppBuilderModel()
