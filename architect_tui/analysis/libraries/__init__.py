"""The library models the reader knows, and the registry the interpreter asks.

Each module here models one library after its real source (see ``base.py`` for the protocol).
The interpreter holds one :class:`Libraries`; it never needs to know which library answers.
A newcomer adds a module and one line to ``MODELS``.
"""

from __future__ import annotations

from typing import Any

from architect_tui.analysis.libraries import (
    admin,
    apiflask,
    appbuilder,
    classful,
    flask,
    protobuf,
    restful,
    restx,
    smorest,
    stdlib,
)
from architect_tui.analysis.libraries.base import NOT_HANDLED, Handler, LibraryModel
from architect_tui.analysis.values import ClassRef, External

#: Every model, most specific first (a path claimed twice goes to the first).
MODELS: tuple[LibraryModel, ...] = (
    apiflask.MODEL,
    smorest.MODEL,
    restx.MODEL,
    restful.MODEL,
    flask.MODEL,
    admin.MODEL,
    appbuilder.MODEL,
    classful.MODEL,
    protobuf.MODEL,
    stdlib.MODEL,
)


class Libraries:
    """Finds the model for a call, a value, or a method name; built once per read."""

    def __init__(self, models: tuple[LibraryModel, ...] = MODELS) -> None:
        self.models = models
        self.by_name = {m.name: m for m in models}
        self.by_type: dict[type, LibraryModel] = {}
        self.by_call_name: dict[str, LibraryModel] = {}
        self.class_paths: dict[str, LibraryModel] = {}
        self.by_external: dict[str, LibraryModel] = {}
        self.by_base: dict[str, LibraryModel] = {}
        for model in reversed(models):  # the first model wins
            for path in model.external_objects:
                self.by_external[path] = model
            for path in model.base_classes:
                self.by_base[path] = model
            for value_type in model.values:
                self.by_type[value_type] = model
            for name in model.calls_by_name:
                self.by_call_name[name] = model
            for path in model.classes:
                self.class_paths[path] = model
        self.app_classes = frozenset().union(*(m.app_classes for m in models))
        self.method_markers = frozenset().union(*(m.method_markers for m in models))

    def owner(self, value: Any) -> LibraryModel | None:
        """The model that made ``value`` (a library may extend another's objects)."""
        library = getattr(value, "library", "")
        if library:
            return self.by_name.get(library)
        return self.by_type.get(type(value))

    def class_attr(self, ctx: Any, cls: ClassRef, attr: str, site: Any) -> Any:
        """``Cls.attr`` that a project class inherits from a library class."""
        if not self.by_base:
            return NOT_HANDLED
        for path in cls.externals():
            model = self.by_base.get(path)
            if model is not None:
                found = model.class_attr(ctx, cls, attr, site)
                if found is not NOT_HANDLED:
                    return found
        return NOT_HANDLED

    def handler(self, path: str) -> Handler | None:
        for model in self.models:
            found = model.function_for(path)
            if found is not None:
                return found
        return None

    def constructs(self, path: str) -> bool:
        """Is ``path`` a library class a model builds (and a project class may subclass)?"""
        return path in self.class_paths

    def is_app_class(self, value: Any) -> bool:
        """``Flask``, ``APIFlask``... or a project subclass of one."""
        if isinstance(value, External):
            return value.path in self.app_classes
        if isinstance(value, ClassRef):
            return bool(value.externals() & self.app_classes)
        return False


__all__ = ["MODELS", "NOT_HANDLED", "Libraries", "LibraryModel"]
