"""The one protocol every library model implements, and what a model may ask of the reader.

The interpreter (``interpreter.py``) evaluates the project's own code; everything a third-party
library does when that code calls it (``Flask(...)``, ``bp.route``, ``api.add_resource``,
``admin.add_view``...) is answered by a *library model*: one module under ``libraries/``, written
after the library's real source, that turns those calls into the records ``compose.py`` replays
(``values.RuleRec``, ``BlueprintReg``, ``HookRec``...). The interpreter finds the model by what is
called: a dotted path (``flask.Flask``), a value the model made (its ``values`` types), or a
method name on an unknown receiver (generated protobuf code). Models never import the
interpreter: they get a :class:`Context`, this module's narrow view of it.

Adding a library: write ``libraries/<name>.py`` with a ``MODEL`` that subclasses
:class:`LibraryModel` (fill ``classes``/``functions``/``values`` and the methods you need), add it
to ``libraries/__init__.py``'s list, and a reproduction of a real project in tests/realworld.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from architect_tui.analysis.values import (
    MISSING,
    AppObj,
    BlueprintObj,
    Builtin,
    ClassRef,
    FuncRef,
    Site,
    Unknown,
)


class _NotHandled:
    def __repr__(self) -> str:
        return "<not handled>"


#: Returned by a model's hook when the call is not one it models (the reader goes on looking).
NOT_HANDLED: Any = _NotHandled()


class Context(Protocol):
    """What a library model may ask of the reader (implemented by the interpreter)."""

    apps: list[AppObj]
    blueprints: list[BlueprintObj]

    def diag(self, severity: str, file: str, line: int, message: str) -> None: ...

    def get_attr(self, obj: Any, attr: str, site: Site | None) -> Any: ...

    def call(self, func: Any, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any: ...

    def import_module(self, name: str, importer_rel: str) -> Any: ...

    def construct(self, path: str, args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        """What calling the library class at ``path`` gives (through its model)."""
        ...

    def current_factory(self) -> str | None:
        """The name of the project function that is running (an app factory, maybe)."""
        ...


#: A model's answer to a call of one of its classes or functions.
Handler = Callable[[Context, str, list[Any], dict[str, Any], Site], Any]


class LibraryModel:
    """Base of every library model: override what the library does, the rest says "not mine".

    - ``classes``: dotted path -> constructor, for the library's classes (a project class that
      subclasses one is built by this constructor, then its ``__init__`` runs, whose
      ``super().__init__(...)`` reaches :meth:`method` with ``"__init__"``);
    - ``functions``: dotted path -> handler, for the library's functions and decorators;
    - ``values``: the value types this model creates; their attributes, methods, subscripts and
      calls come back to it;
    - ``app_classes``: paths of classes whose instances are Flask apps (factory detection);
    - ``calls_by_name``: attribute names whose calls this model answers whatever the receiver
      (generated code whose receivers the reader cannot know);
    - ``external_objects``: library names whose attributes it answers (``flask.current_app``);
    - ``method_markers``: names of decorator factories that mark methods of a class the library
      turns into routes (``expose``, ``route``): only these are evaluated on methods;
    - ``base_classes``: library classes whose class attributes it answers on a project subclass
      (``QuotesView.register(app)`` on a ``FlaskView``).
    """

    name = "library"
    classes: Mapping[str, Handler] = {}
    functions: Mapping[str, Handler] = {}
    values: tuple[type, ...] = ()
    app_classes: frozenset[str] = frozenset()
    calls_by_name: frozenset[str] = frozenset()
    external_objects: frozenset[str] = frozenset()
    method_markers: frozenset[str] = frozenset()
    base_classes: frozenset[str] = frozenset()

    def function_for(self, path: str) -> Handler | None:
        """The handler for a call of ``path`` (a class or a function of this library)."""
        return self.classes.get(path) or self.functions.get(path)

    def attr(self, ctx: Context, obj: Any, attr: str, site: Site | None) -> Any:
        """``obj.attr`` for one of this model's values (default: a method to be called)."""
        from architect_tui.analysis.values import BoundMethod

        return BoundMethod(obj, attr, site)

    def method(
        self,
        ctx: Context,
        obj: Any,
        name: str,
        args: list[Any],
        kwargs: dict[str, Any],
        site: Site,
    ) -> Any:
        """``obj.name(*args, **kwargs)`` on one of this model's values."""
        return passthrough(args, kwargs)

    def set_attr(self, ctx: Context, obj: Any, attr: str, value: Any) -> None:
        """``obj.attr = value`` on one of this model's values (default: ignored)."""

    def subscript(self, ctx: Context, obj: Any, key: Any, site: Site) -> Any:
        """``obj[key]``; NOT_HANDLED lets the reader say "unknown"."""
        return NOT_HANDLED

    def set_item(self, ctx: Context, obj: Any, key: Any, value: Any) -> None:
        """``obj[key] = value`` (default: ignored)."""

    def call_value(
        self, ctx: Context, obj: Any, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        """``obj(...)`` for one of this model's values."""
        return Unknown("a call to a library object", site.file, site.line)

    def class_attr(self, ctx: Context, cls: ClassRef, attr: str, site: Site | None) -> Any:
        """``Cls.attr`` not defined by a project class whose base is in ``base_classes``."""
        return NOT_HANDLED

    def external_attr(self, ctx: Context, path: str, attr: str, site: Site | None) -> Any:
        """``path.attr`` where ``path`` is one of this library's names (``flask.current_app``)."""
        return NOT_HANDLED

    def call_by_name(
        self,
        ctx: Context,
        name: str,
        args: list[Any],
        kwargs: dict[str, Any],
        module: str,
        module_globals: dict[str, Any],
        site: Site,
    ) -> Any:
        """A call of ``<anything>.name(...)`` for a name in ``calls_by_name``."""
        return NOT_HANDLED

    def named(self, value: Any, name: str) -> None:
        """``name = value``: a model may remember the variable (``app``, ``auth_bp``)."""


def arg(args: list[Any], kwargs: dict[str, Any], index: int, name: str, default: Any = None) -> Any:
    """The argument passed by keyword ``name`` or at position ``index``."""
    if name in kwargs:
        return kwargs[name]
    if len(args) > index:
        return args[index]
    return default


def passthrough(args: list[Any], kwargs: dict[str, Any]) -> Any:
    """An unmodelled library call: used as a decorator it keeps the decorated object (libraries
    wrap views with ``functools.wraps``), otherwise it gives a decorator that does."""
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


def identity_decorator(label: str) -> Builtin:
    """A decorator factory's result that hands the decorated function back unchanged."""
    return Builtin(lambda a, k, s: a[0] if a else None, label)


def url_marker(args: list[Any], kwargs: dict[str, Any], attr: str) -> Builtin:
    """``@expose(url="/", methods=("GET",))`` of Flask-Admin and Flask-AppBuilder: the pair is
    appended to the method's ``attr`` list (the libraries' ``f._urls``), read when the class
    becomes a blueprint."""
    url = arg(args, kwargs, 0, "url", "/")
    methods = arg(args, kwargs, 1, "methods", ("GET",))

    def mark(a: list[Any], k: dict[str, Any], s: Site) -> Any:
        if a and isinstance(a[0], FuncRef):
            setattr(a[0], attr, [*(getattr(a[0], attr, None) or []), (url, methods)])
        return a[0] if a else None

    return Builtin(mark, "expose")


def class_name(value: Any) -> Any:
    """A class's ``__name__`` (project class or library path), or Unknown."""
    from architect_tui.analysis.values import External

    if isinstance(value, ClassRef):
        return value.name
    if isinstance(value, External):
        return value.path.rsplit(".", 1)[-1]
    return Unknown("a class known at run time")


__all__ = [
    "MISSING",
    "NOT_HANDLED",
    "Context",
    "Handler",
    "LibraryModel",
    "adopt",
    "arg",
    "class_name",
    "identity_decorator",
    "passthrough",
    "url_marker",
]


#: What a subclass instance keeps when its base's state is moved into it (``adopt``).
_KEPT_ON_ADOPT = frozenset(
    {"user_class", "base_path", "records", "children", "named", "variable", "site", "factory"}
)


def adopt(ctx: Context, obj: Any, fresh: Any) -> None:
    """``super().__init__(...)`` in a project subclass of a library class: ``fresh`` is the base
    object built from those arguments; its state moves into ``obj``, which keeps its identity
    (other values already point at it) and what the subclass set up first."""
    for registry in (ctx.apps, ctx.blueprints):
        if fresh in registry:
            registry.remove(fresh)
    keep = set(_KEPT_ON_ADOPT)
    if isinstance(obj, AppObj):
        keep.add("name")
    for key, value in vars(fresh).items():
        if key not in keep:
            setattr(obj, key, value)
