"""The values the static interpreter computes with.

Python literals (``str``, ``int``, ``tuple``, ``list``, ``dict``, ``None``...) stand for themselves.
Everything else is one of the small classes below: project functions and classes, modules, the
Flask objects every library model records on (apps, blueprints, their rules, hooks and
registrations, which ``compose.py`` replays) and ``Unknown`` for whatever cannot be known without
running the code. Objects of one library only (an ``Api``, a ``Namespace``, an ``Admin``) live in
that library's model under ``libraries/``. ``Unknown`` carries where and
why, so that the reader can turn it into a diagnostic instead of guessing.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False, slots=True)
class Unknown:
    """A value only known at run time: ``why`` is shown to the user."""

    why: str
    file: str = ""
    line: int = 0


@dataclass(eq=False, slots=True)
class Site:
    """Where something happened in the project: file (relative) and line."""

    file: str
    line: int
    end_line: int = 0


@dataclass(eq=False)
class ModuleObj:
    """A project module (its namespace) or a third-party module known only by name."""

    name: str
    env: dict[str, Any] | None = None  # None for modules outside the project
    file: str = ""


@dataclass(eq=False)
class External:
    """A name from outside the project, by its dotted path (``flask.Blueprint``)."""

    path: str


@dataclass(eq=False)
class FuncRef:
    """A project function (or lambda) with the scope it closes over."""

    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
    module: str
    file: str
    closure: dict[str, Any] | None  # enclosing function's locals (None at module level)
    name: str
    owner: ClassRef | None = None  # for methods
    kind: str | None = None  # "classmethod", "staticmethod", "property" or None

    @property
    def first_line(self) -> int:
        decorators = getattr(self.node, "decorator_list", [])
        return min([d.lineno for d in decorators] + [self.node.lineno])


@dataclass(eq=False)
class ClassRef:
    """A project class: its bases and the attributes its body defines."""

    node: ast.ClassDef
    module: str
    file: str
    name: str
    bases: list[Any]
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def first_line(self) -> int:
        return min([d.lineno for d in self.node.decorator_list] + [self.node.lineno])

    def mro(self) -> list[Any]:
        """This class then its bases, depth first, each once (good enough for lookups)."""
        out: list[Any] = []
        seen: set[int] = set()
        stack: list[Any] = [self]
        while stack:
            item = stack.pop(0)
            if id(item) in seen:
                continue
            seen.add(id(item))
            out.append(item)
            if isinstance(item, ClassRef):
                stack.extend(item.bases)
        return out

    def lookup(self, name: str) -> Any:
        for klass in self.mro():
            if isinstance(klass, ClassRef) and name in klass.attrs:
                return klass.attrs[name]
        return _MISSING

    def externals(self) -> set[str]:
        return {k.path for k in self.mro() if isinstance(k, External)}


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()
MISSING: Any = _MISSING


@dataclass(eq=False)
class Instance:
    """An instance of a project class that is not a Flask object (a config object, a helper)."""

    cls: ClassRef
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class AsView:
    """``SomeView.as_view("name")``: a view function made from a class."""

    cls: Any  # ClassRef or Unknown
    name: Any


@dataclass(eq=False)
class Decorated:
    """A function wrapped by a decorator we do not model; it keeps the wrapped view's identity."""

    inner: Any


@dataclass(eq=False)
class BoundMethod:
    """``obj.method`` looked up on a Flask-side object, waiting to be called."""

    obj: Any
    name: str
    site: Site | None = None


@dataclass(eq=False)
class UserBound:
    """A project method bound to an object (``self`` is the object)."""

    func: FuncRef
    obj: Any


@dataclass(eq=False)
class Builtin:
    """A Python callable standing in for library behaviour (a decorator returned by a call)."""

    fn: Any
    label: str = ""


@dataclass(eq=False)
class SuperProxy:
    """``super()`` inside a method: ``owner`` is the class the method belongs to."""

    obj: Any
    owner: Any = None


# ----------------------------------------------------------------------------- Flask side


@dataclass(eq=False)
class RuleRec:
    """One ``add_url_rule`` as recorded on an app or a blueprint (before prefixes and names)."""

    rule: Any  # str, Unknown, or PartialRule
    endpoint: Any  # str, None (from the view) or Unknown
    view: Any  # FuncRef, AsView, ClassRef, Unknown, None
    methods: Any  # tuple[str, ...] | None | Unknown
    site: Site
    kind: str = "function"
    resource: Any = None  # the Resource class for RESTful/RESTX
    decorators: tuple[str, ...] = ()


@dataclass(eq=False)
class PartialRule:
    """Flask-RESTful/RESTX's deferred rule: completed with the blueprint's prefix at registration."""

    api: Any
    url: Any


@dataclass(eq=False)
class HookRec:
    kind: str
    func: Any
    site: Site
    error: str | None = None


@dataclass(eq=False)
class BlueprintReg:
    """``parent.register_blueprint(child, **options)``."""

    child: Any
    options: dict[str, Any]
    site: Site


@dataclass(eq=False)
class ApiInit:
    """The deferred ``_deferred_blueprint_init`` a RESTful/RESTX Api records on its blueprint."""

    api: Any
    site: Site


@dataclass(eq=False)
class ConfigObj:
    """``app.config``: literal values set from a config class, a dict or item assignments."""

    values: dict[str, Any] = field(default_factory=dict)
    opaque: list[str] = field(default_factory=list)  # why some values are unknown


@dataclass(eq=False)
class AppObj:
    name: str  # variable it was assigned to (filled when assigned)
    factory: str | None
    site: Site
    import_name: Any = None
    static_folder: Any = "static"
    static_url_path: Any = None
    records: list[Any] = field(default_factory=list)  # RuleRec | BlueprintReg | HookRec
    config: ConfigObj = field(default_factory=ConfigObj)
    restx_doc: bool = False
    unknown_registrations: list[Site] = field(default_factory=list)
    user_class: ClassRef | None = None
    named: bool = False
    library: str = ""  # the model that made it, when it extends Flask's (apiflask)


@dataclass(eq=False)
class BlueprintObj:
    name: Any
    import_name: Any
    site: Site
    variable: str = ""
    url_prefix: Any = None
    subdomain: Any = None
    static_folder: Any = None
    static_url_path: Any = None
    records: list[Any] = field(default_factory=list)  # RuleRec | HookRec | ApiInit
    children: list[BlueprintReg] = field(default_factory=list)
    registered: bool = False
    synthetic: bool = False  # e.g. Flask-RESTX's restx_doc blueprint
    user_class: ClassRef | None = None
    library: str = ""  # the model that made it, when it extends Flask's (smorest, apiflask)
