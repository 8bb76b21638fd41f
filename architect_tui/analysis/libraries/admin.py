"""Flask-Admin (2.x, ``flask_admin/base.py``, ``model/base.py``, ``contrib/fileadmin``):
``Admin(app)`` adds its index view, ``admin.add_view(view)`` turns each view into a blueprint.

- ``Admin(app=None, name, url=None, subdomain, index_view=None, endpoint=None,
  static_url_path, ...)``: the index view (``AdminIndexView``: endpoint ``admin``, url
  ``/admin``, a ``static`` folder) is added first; views are registered on the app at once when
  the Admin has it, else at ``init_app(app)``.
- ``BaseView.create_blueprint``: endpoint = ``endpoint`` or the class name in lower case (model
  views: the model's name); url = ``url`` (``admin.url + "/" + url`` unless it starts with
  ``/``) or ``admin.url + "/" + endpoint``; ``/`` means no prefix. One rule per ``@expose(url,
  methods=("GET",))`` of the class (``AdminViewMeta``: ``dir(cls)``, a method redefined without
  ``@expose`` is no longer exposed), endpoint ``<view endpoint>.<method name>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.libraries.base import (
    Context,
    LibraryModel,
    adopt,
    arg,
    class_name,
    passthrough,
    url_marker,
)
from architect_tui.analysis.libraries.flask import register_blueprint, synthetic_blueprint
from architect_tui.analysis.values import (
    AppObj,
    Builtin,
    ClassRef,
    FuncRef,
    RuleRec,
    Site,
    Unknown,
)

GET = ("GET",)
GET_POST = ("GET", "POST")
POST = ("POST",)

#: ``BaseModelView``'s exposed methods (model/base.py): name -> [(url, methods)].
MODEL_VIEW_URLS = {
    "index_view": [("/", GET)],
    "create_view": [("/new/", GET_POST)],
    "edit_view": [("/edit/", GET_POST)],
    "details_view": [("/details/", GET)],
    "delete_view": [("/delete/", POST)],
    "action_view": [("/action/", POST)],
    "export": [("/export/<export_type>/", GET)],
    "ajax_lookup": [("/ajax/lookup/", GET)],
    "ajax_update": [("/ajax/update/", POST)],
}
#: ``FileAdmin``'s (contrib/fileadmin/__init__.py).
FILE_ADMIN_URLS = {
    "index": [("/old_index", GET), ("/old_b/<path:path>", GET)],
    "index_view": [("/", GET), ("/b/<path:path>", GET)],
    "upload": [("/upload/", GET_POST), ("/upload/<path:path>", GET_POST)],
    "download": [("/download/<path:path>", GET)],
    "mkdir": [("/mkdir/", GET_POST), ("/mkdir/<path:path>", GET_POST)],
    "delete": [("/delete/", POST)],
    "rename": [("/rename/", GET_POST)],
    "edit": [("/edit/", GET_POST)],
    "action_view": [("/action/", POST)],
}

_PACKAGES = ("flask_admin", "flask_admin.base")
BASE_VIEWS = frozenset(f"{p}.BaseView" for p in _PACKAGES)
INDEX_VIEWS = frozenset(f"{p}.AdminIndexView" for p in _PACKAGES)
MODEL_VIEWS = frozenset(
    {
        "flask_admin.contrib.sqla.ModelView",
        "flask_admin.contrib.sqla.view.ModelView",
        "flask_admin.contrib.sqlamodel.ModelView",
        "flask_admin.contrib.peewee.ModelView",
        "flask_admin.contrib.mongoengine.ModelView",
        "flask_admin.contrib.pymongo.ModelView",
        "flask_admin.contrib.geoa.ModelView",
        "flask_admin.model.BaseModelView",
        "flask_admin.model.base.BaseModelView",
    }
)
#: Model views whose first argument is not a model class (a collection).
_COLLECTION_VIEWS = frozenset({"flask_admin.contrib.pymongo.ModelView"})
FILE_ADMINS = frozenset(
    {"flask_admin.contrib.fileadmin.FileAdmin", "flask_admin.contrib.fileadmin.BaseFileAdmin"}
)
ADMINS = frozenset(f"{p}.Admin" for p in _PACKAGES)
EXPOSE = frozenset(f"{p}.expose" for p in _PACKAGES)


@dataclass(eq=False)
class AdminView:
    """A Flask-Admin view object (``BaseView`` and its library subclasses)."""

    base: str  # the library class it is made from
    site: Site
    endpoint: Any = None
    url: Any = None
    static_folder: Any = None
    static_url_path: Any = None
    default_endpoint: Any = None
    user_class: ClassRef | None = None


@dataclass(eq=False)
class AdminObj:
    """``Admin``: its views, in order, and the app once it has one."""

    site: Site
    app: Any = None
    url: Any = "/admin"
    endpoint: Any = "admin"
    subdomain: Any = None
    static_url_path: Any = None
    views: list[AdminView] = field(default_factory=list)
    user_class: ClassRef | None = None


def new_view(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> AdminView:
    """The constructors' positional order: ``BaseView(name, category, endpoint, url,
    static_folder, static_url_path)``, ``ModelView(model, session, name, category, endpoint,
    url, static_folder)``, ``FileAdmin(base_path, base_url, name, category, endpoint, url)``,
    ``AdminIndexView(name, category, endpoint, url)``."""
    view = AdminView(path, site)
    offset = 0
    if path in MODEL_VIEWS:
        offset = 1 if path in _COLLECTION_VIEWS else 2
        model = arg(args, kwargs, 0, "model" if offset == 2 else "coll")
        name = class_name(model)
        view.default_endpoint = name.lower() if isinstance(name, str) else name
    elif path in FILE_ADMINS:
        offset = 2
    view.endpoint = arg(args, kwargs, offset + 2, "endpoint")
    view.url = arg(args, kwargs, offset + 3, "url")
    if path in INDEX_VIEWS:
        view.endpoint = view.endpoint or "admin"
        view.url = "/admin" if view.url is None else view.url
        view.static_folder = "static"
    elif path not in FILE_ADMINS:
        view.static_folder = arg(args, kwargs, offset + 4, "static_folder")
        view.static_url_path = arg(args, kwargs, offset + 5, "static_url_path")
    return view


def new_admin(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> AdminObj:
    admin = AdminObj(site, subdomain=kwargs.get("subdomain"))
    admin.static_url_path = kwargs.get("static_url_path")
    url, endpoint = kwargs.get("url"), kwargs.get("endpoint")
    index = kwargs.get("index_view") or new_view(
        ctx, "flask_admin.base.AdminIndexView", [], {"endpoint": endpoint, "url": url}, site
    )
    admin.endpoint = endpoint or (index.endpoint if isinstance(index, AdminView) else None)
    admin.url = url or (index.url if isinstance(index, AdminView) else "/admin")
    admin.app = arg(args, kwargs, 0, "app")
    add_view(ctx, admin, index, site)
    return admin


def _expose(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Builtin:
    """``@expose(url="/", methods=("GET",))``: the URL is kept on the function."""
    return url_marker(args, kwargs, "admin_urls")


def _exposed(view: AdminView) -> list[tuple[Any, str, Any, Any]]:
    """``AdminViewMeta``: (url, method name, methods, project function or None), by name."""
    library = MODEL_VIEW_URLS if view.base in MODEL_VIEWS else {}
    if view.base in FILE_ADMINS:
        library = FILE_ADMIN_URLS
    if view.base in INDEX_VIEWS:
        library = {"index": [("/", GET)]}
    own: dict[str, FuncRef] = {}
    if view.user_class is not None:
        for klass in reversed(view.user_class.mro()):
            if isinstance(klass, ClassRef):
                own.update({k: v for k, v in klass.attrs.items() if isinstance(v, FuncRef)})
    out: list[tuple[Any, str, Any, Any]] = []
    for name in sorted({*library, *own}):
        func = own.get(name)
        if func is not None:
            for url, methods in getattr(func, "admin_urls", None) or []:
                out.append((url, name, methods, func))
        else:
            out.extend((url, name, methods, None) for url, methods in library[name])
    return out


def create_blueprint(ctx: Context, admin: AdminObj, view: AdminView, site: Site) -> None:
    """``BaseView.create_blueprint`` + ``app.register_blueprint``."""
    endpoint = view.endpoint or view.default_endpoint
    if endpoint is None and view.user_class is not None:
        endpoint = view.user_class.name.lower()
    if not isinstance(endpoint, str):
        ctx.diag(
            "warning",
            site.file,
            site.line,
            "admin view not listed: its endpoint is only known at run time",
        )
        return
    url = view.url
    if url is None:
        if admin.url != "/":
            url = f"{admin.url}/{endpoint}" if isinstance(admin.url, str) else admin.url
        else:
            url = "/" if view is (admin.views[0] if admin.views else None) else f"/{endpoint}"
    elif isinstance(url, str) and not url.startswith("/") and isinstance(admin.url, str):
        url = f"{admin.url}/{url}"
    static_folder, static_url_path = (
        view.static_folder,
        view.static_url_path or admin.static_url_path,
    )
    if url == "/":
        url = None
        if not static_url_path:
            static_folder, static_url_path = "static", "/static/admin"
    bp = synthetic_blueprint(endpoint, "flask_admin.base", site, url)
    bp.subdomain = admin.subdomain
    bp.static_folder, bp.static_url_path = static_folder, static_url_path
    for rule, name, methods, func in _exposed(view):
        bp.records.append(
            RuleRec(rule, name, func, tuple(methods) if methods else None, site, "view_class")
        )
    register_blueprint(ctx, admin.app, bp, {}, site)


def add_view(ctx: Context, admin: AdminObj, view: Any, site: Site) -> None:
    if not isinstance(view, AdminView):
        why = view.why if isinstance(view, Unknown) else "not a Flask-Admin view"
        ctx.diag("warning", site.file, site.line, f"admin view not listed: {why}")
        return
    admin.views.append(view)
    if isinstance(admin.app, AppObj):
        create_blueprint(ctx, admin, view, site)


class AdminModel(LibraryModel):
    name = "flask-admin"
    classes = {
        **dict.fromkeys(ADMINS, new_admin),
        **dict.fromkeys(BASE_VIEWS | INDEX_VIEWS | MODEL_VIEWS | FILE_ADMINS, new_view),
    }
    functions = dict.fromkeys(EXPOSE, _expose)
    values = (AdminObj, AdminView)
    method_markers = frozenset({"expose"})

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if name == "__init__":
            if getattr(obj, "base_path", None) is not None:
                adopt(ctx, obj, ctx.construct(obj.base_path, args, kwargs, site))  # type: ignore[attr-defined]
            return None
        if isinstance(obj, AdminObj):
            if name == "add_view" and args:
                add_view(ctx, obj, args[0], site)
                return None
            if name == "add_views":
                for view in args:
                    add_view(ctx, obj, view, site)
                return None
            if name == "init_app" and args:
                obj.app = args[0]
                obj.subdomain = kwargs.get("subdomain", obj.subdomain)
                if isinstance(obj.app, AppObj):
                    for view in obj.views:
                        create_blueprint(ctx, obj, view, site)
                return None
        return passthrough(args, kwargs)


MODEL = AdminModel()
