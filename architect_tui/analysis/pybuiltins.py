"""Python's own builtins and container methods, on the interpreter's values.

Only what map-building code uses: ``len``, ``dict``/``list``/``str`` constructors and pure
methods (``str.format``, ``dict.get``...), computed for real on known values and ``Unknown``
otherwise. Kept apart from ``interpreter.py`` so each file has one job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from architect_tui.analysis.values import Builtin, Site, Unknown

DICT_METHODS = frozenset({"get", "items", "keys", "values", "setdefault", "update", "pop", "copy"})
STR_METHODS = frozenset(
    {
        "rstrip",
        "lstrip",
        "strip",
        "lower",
        "upper",
        "format",
        "join",
        "replace",
        "split",
        "rsplit",
        "startswith",
        "endswith",
        "title",
        "capitalize",
        "partition",
        "rpartition",
        "removeprefix",
        "removesuffix",
        "casefold",
        "zfill",
    }
)


class PathValue:
    """A filesystem path computed at run time (``Path(__file__).parent / "static"``)."""


class DictView:
    def __init__(self, pairs: list[Any]) -> None:
        self._pairs = pairs

    def items(self) -> list[Any]:
        return self._pairs


def _b_len(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    if args and isinstance(args[0], list | tuple | dict | str | set):
        return len(args[0])
    return Unknown("len() of a run-time value", site.file, site.line)


def hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return not isinstance(value, Unknown)


def same(a: Any, b: Any) -> bool:
    literal = (str, int, float, bool, type(None))
    return (isinstance(a, literal) and isinstance(b, literal) and a == b) or a is b


def dict_method(
    d: dict[Any, Any], name: str, args: list[Any], kwargs: dict[str, Any] | None = None
) -> Any:
    kwargs = kwargs or {}
    if name == "get":
        key = args[0] if args else None
        default = args[1] if len(args) > 1 else None
        if hashable(key) and key in d:
            return d[key]
        if isinstance(key, Unknown) and len(args) > 1:
            return default  # the documented fallback
        if isinstance(key, Unknown) and "default" in d:
            return d["default"]  # config_by_name.get(name): the project's default config
        return default if not isinstance(key, Unknown) else Unknown("a dict lookup at run time")
    if name == "setdefault":
        key = args[0] if args else None
        if hashable(key):
            return d.setdefault(key, args[1] if len(args) > 1 else None)
        return Unknown("setdefault")
    if name == "update":
        for arg in args:
            if isinstance(arg, dict):
                d.update(arg)
        d.update({k: v for k, v in kwargs.items() if k != "**"})
        return None
    if name == "pop":
        key = args[0] if args else None
        if hashable(key) and key in d:
            return d.pop(key)
        return args[1] if len(args) > 1 else Unknown("dict.pop")
    if name == "copy":
        return dict(d)
    if name == "items":
        return DictView([(k, v) for k, v in d.items()])
    if name == "keys":
        return list(d.keys())
    return list(d.values())


def list_method(lst: list[Any], name: str, args: list[Any]) -> None:
    if name == "append" and args:
        lst.append(args[0])
    elif name == "insert" and len(args) > 1 and isinstance(args[0], int):
        lst.insert(args[0], args[1])
    elif name == "extend" and args:
        items = args[0]
        if isinstance(items, list | tuple):
            lst.extend(items)
        else:
            lst.append(Unknown("items added at run time"))


def str_method(s: str, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if not all(isinstance(a, str | int | float | list | tuple) for a in args):
        return Unknown(f"str.{name} of a run-time value")
    if not all(isinstance(v, str | int | float) for v in kwargs.values()):
        return Unknown(f"str.{name} of a run-time value")
    try:
        if name == "join":
            if (
                args
                and isinstance(args[0], list | tuple)
                and all(isinstance(x, str) for x in args[0])
            ):
                return s.join(args[0])
            return Unknown("str.join of a run-time value")
        return getattr(s, name)(*args, **kwargs)
    except (TypeError, ValueError, IndexError, KeyError):
        return Unknown(f"str.{name}")


def _builtin(fn: Callable[..., Any], label: str) -> Builtin:
    return Builtin(fn, label)


def _b_getattr(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    return Unknown("getattr at run time", site.file, site.line)


def _b_seq(kind: type) -> Callable[..., Any]:
    def make(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
        if not args:
            return kind()
        if isinstance(args[0], list | tuple | set | frozenset):
            return kind(args[0])
        if isinstance(args[0], dict):
            return kind(args[0].keys())
        return Unknown(f"{kind.__name__}() of a run-time value", site.file, site.line)

    return make


def _b_dict(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    out: dict[Any, Any] = {}
    if args and isinstance(args[0], dict):
        out.update(args[0])
    out.update({k: v for k, v in kwargs.items() if k != "**"})
    return out


def _b_str(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    if args and isinstance(args[0], str | int | float):
        return str(args[0])
    return Unknown("str() of a run-time value", site.file, site.line)


def _b_unknown(label: str) -> Builtin:
    return Builtin(lambda args, kwargs, site: Unknown(f"{label}()", site.file, site.line), label)


def _b_identity(args: list[Any], kwargs: dict[str, Any], site: Site) -> Any:
    return args[0] if args else Unknown("no argument")


BUILTINS: dict[str, Builtin] = {
    "getattr": _builtin(_b_getattr, "getattr"),
    "list": _builtin(_b_seq(list), "list"),
    "tuple": _builtin(_b_seq(tuple), "tuple"),
    "set": _builtin(_b_seq(list), "set"),
    "sorted": _builtin(_b_seq(list), "sorted"),
    "dict": _builtin(_b_dict, "dict"),
    "str": _builtin(_b_str, "str"),
    "super": Builtin(lambda args, kwargs, site: Unknown("super"), "super"),
    "staticmethod": _builtin(_b_identity, "staticmethod"),
    "classmethod": _builtin(_b_identity, "classmethod"),
    "property": _builtin(_b_identity, "property"),
    "len": Builtin(_b_len, "len"),
    "globals": Builtin(lambda args, kwargs, site: Unknown("globals()"), "globals"),
    "isinstance": _b_unknown("isinstance"),
    "hasattr": _b_unknown("hasattr"),
    "print": _b_unknown("print"),
}


def environ_default(args: list[Any]) -> Any:
    """``os.environ.get("X", "d")``/``os.getenv("X", "d")``: the literal default, if any."""
    if len(args) > 1 and not isinstance(args[1], Unknown):
        return args[1]
    name = args[0] if args else "?"
    return Unknown(f"environment variable {name}")
