"""flask-smorest (0.45): its ``Api`` registers blueprints on the app it was given (now or at
``init_app``); its ``Blueprint`` is Flask's, plus documentation decorators (``arguments``,
``response``, ``paginate``, ``alt_response``, ``etag``, ``doc``) that wrap the view and keep
it (``functools.wraps``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.libraries.base import (
    Context,
    LibraryModel,
    arg,
    identity_decorator,
    passthrough,
)
from architect_tui.analysis.libraries.flask import FlaskModel, new_blueprint, register_blueprint
from architect_tui.analysis.values import AppObj, BlueprintObj, ClassRef, Site

DECORATORS = frozenset({"arguments", "response", "paginate", "alt_response", "etag", "doc"})


@dataclass(eq=False)
class SmorestApi:
    """A flask-smorest ``Api``: ``api.register_blueprint(blp)`` registers on its app."""

    site: Site
    app: Any = None
    pending: list[tuple[Any, dict[str, Any], Site]] = field(default_factory=list)
    user_class: ClassRef | None = None


def _init(ctx: Context, api: SmorestApi, app: Any) -> None:
    if not isinstance(app, AppObj):
        return
    api.app = app
    for bp, options, site in api.pending:
        register_blueprint(ctx, app, bp, options, site)
    api.pending.clear()


def new_api(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> SmorestApi:
    api = SmorestApi(site)
    target = arg(args, kwargs, 0, "app")
    if target is not None:
        _init(ctx, api, target)
    return api


def new_smorest_blueprint(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> BlueprintObj:
    bp = new_blueprint(ctx, path, args, kwargs, site)
    bp.library = "flask-smorest"
    return bp


class SmorestModel(FlaskModel):
    name = "flask-smorest"
    classes = {"flask_smorest.Api": new_api, "flask_smorest.Blueprint": new_smorest_blueprint}
    values = (SmorestApi,)
    app_classes = frozenset()

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if isinstance(obj, SmorestApi):
            if name == "init_app" and args:
                _init(ctx, obj, args[0])
                return None
            if name == "register_blueprint" and args:
                options = {k: v for k, v in kwargs.items() if k != "parameters"}
                if obj.app is not None:
                    register_blueprint(ctx, obj.app, args[0], options, site)
                else:
                    obj.pending.append((args[0], options, site))
                return None
            return passthrough(args, kwargs)
        if name in DECORATORS:
            return identity_decorator(f"smorest.{name}")
        return super().method(ctx, obj, name, args, kwargs, site)

    def attr(self, ctx: Context, obj: Any, attr: str, site: Site | None) -> Any:
        if isinstance(obj, SmorestApi):
            return LibraryModel.attr(self, ctx, obj, attr, site)
        return super().attr(ctx, obj, attr, site)


MODEL = SmorestModel()
