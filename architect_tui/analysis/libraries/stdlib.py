"""The standard-library calls that decide routes: ``functools.wraps``, ``re.sub``,
``os.environ.get``, and importing by name (``importlib.import_module``, werkzeug's
``import_string``, which projects use to load blueprints and config classes)."""

from __future__ import annotations

import re
from typing import Any

from architect_tui.analysis.libraries.base import Context, LibraryModel, arg
from architect_tui.analysis.values import AsView, Builtin, External, FuncRef, Site, Unknown


def import_string(ctx: Context, dotted: str, site: Site) -> Any:
    """``importlib.import_module`` / werkzeug ``import_string`` (``"pkg.mod:obj"`` too)."""
    if ":" in dotted:
        mod_name, _, attr = dotted.partition(":")
        return ctx.get_attr(ctx.import_module(mod_name, site.file), attr, site)
    module = ctx.import_module(dotted, site.file)
    if not isinstance(module, Unknown | External):
        return module
    if "." in dotted:
        mod_name, attr = dotted.rsplit(".", 1)
        return ctx.get_attr(ctx.import_module(mod_name, site.file), attr, site)
    return module


def _import_by_name(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    name = args[0] if args else kwargs.get("name", kwargs.get("import_name"))
    package = arg(args, kwargs, 1, "package")
    if isinstance(name, str) and name.startswith("."):
        if not isinstance(package, str):
            return Unknown("a relative import without a known package", site.file, site.line)
        level = len(name) - len(name.lstrip("."))
        base = package.split(".")
        base = base[: len(base) - (level - 1)] if level > 1 else base
        name = ".".join([*base, name.lstrip(".")]).rstrip(".")
    if isinstance(name, str):
        return import_string(ctx, name, site)
    return Unknown("a module imported by name at run time", site.file, site.line)


def _re_sub(ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    if len(args) >= 3 and all(isinstance(a, str) for a in args[:3]):
        try:
            return re.sub(args[0], args[1], args[2])
        except re.error:
            return Unknown("re.sub with a bad pattern", site.file, site.line)
    return Unknown(f"{path}()", site.file, site.line)


def _environ_get(
    ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site
) -> Any:
    from architect_tui.analysis.pybuiltins import environ_default

    return environ_default(args)


def _wraps(ctx: Context, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    """``@wraps(f)`` makes the wrapper look like ``f`` (its name, and for the map, the view)."""
    if path == "functools.update_wrapper":
        return args[1] if len(args) > 1 else Unknown("update_wrapper")
    wrapped = args[0] if args else None
    return Builtin(
        lambda a, k, s: wrapped if isinstance(wrapped, FuncRef | AsView) else (a[0] if a else None),
        "wraps",
    )


class StdlibModel(LibraryModel):
    name = "stdlib"
    functions = {
        "re.sub": _re_sub,
        "os.environ.get": _environ_get,
        "os.getenv": _environ_get,
        "functools.wraps": _wraps,
        "functools.update_wrapper": _wraps,
        "importlib.import_module": _import_by_name,
    }

    def function_for(self, path: str):  # type: ignore[override]
        if path.endswith(".import_string"):
            return _import_by_name
        return super().function_for(path)


MODEL = StdlibModel()
