"""APIFlask (3.1): ``APIFlask`` is a ``Flask`` that registers an ``openapi`` blueprint (the spec,
the docs page and Swagger UI's OAuth2 redirect, ``APIFlask._register_openapi_blueprint``), and
``APIBlueprint`` a ``Blueprint``; their ``input``/``output``/``doc``/``auth_required``
decorators record schemas on the view function and hand it back (``_ensure_sync`` +
``functools.wraps``), so the view keeps its name and its lines."""

from __future__ import annotations

from typing import Any

from architect_tui.analysis.libraries.base import Context, identity_decorator
from architect_tui.analysis.libraries.flask import (
    FlaskModel,
    new_app,
    new_blueprint,
    register_blueprint,
    synthetic_blueprint,
)
from architect_tui.analysis.values import AppObj, BlueprintObj, RuleRec, Site

APP_CLASSES = frozenset({"apiflask.APIFlask", "apiflask.app.APIFlask"})
BLUEPRINT_CLASSES = frozenset({"apiflask.APIBlueprint", "apiflask.blueprint.APIBlueprint"})
DECORATORS = frozenset({"input", "output", "doc", "auth_required"})


def new_apiflask(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> AppObj:
    """``APIFlask(import_name, title, version, spec_path="/openapi.json", docs_path="/docs",
    docs_oauth2_redirect_path="/docs/oauth2-redirect", docs_ui="swagger-ui",
    openapi_blueprint_url_prefix=None, json_errors, enable_openapi=True, ...)``."""
    app = new_app(ctx, path, args, kwargs, site)
    app.library = "apiflask"
    spec_path = kwargs.get("spec_path", "/openapi.json")
    docs_path = kwargs.get("docs_path", "/docs")
    redirect = kwargs.get("docs_oauth2_redirect_path", "/docs/oauth2-redirect")
    if kwargs.get("enable_openapi", True) is False or not (spec_path or docs_path):
        return app
    bp = synthetic_blueprint(
        "openapi", "apiflask.app", site, kwargs.get("openapi_blueprint_url_prefix")
    )
    if spec_path:
        bp.records.append(RuleRec(spec_path, "spec", None, None, site))
    if docs_path:
        bp.records.append(RuleRec(docs_path, "docs", None, None, site))
        if kwargs.get("docs_ui", "swagger-ui") == "swagger-ui" and redirect:
            bp.records.append(RuleRec(redirect, "swagger_ui_oauth_redirect", None, None, site))
    register_blueprint(ctx, app, bp, {}, site)
    return app


def new_apiblueprint(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> BlueprintObj:
    bp = new_blueprint(ctx, path, args, kwargs, site)
    bp.library = "apiflask"
    return bp


class ApiflaskModel(FlaskModel):
    name = "apiflask"
    classes = {
        **dict.fromkeys(APP_CLASSES, new_apiflask),
        **dict.fromkeys(BLUEPRINT_CLASSES, new_apiblueprint),
    }
    values = ()
    app_classes = APP_CLASSES

    def method(
        self, ctx: Context, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if name in DECORATORS:
            return identity_decorator(f"apiflask.{name}")
        return super().method(ctx, obj, name, args, kwargs, site)


MODEL = ApiflaskModel()
