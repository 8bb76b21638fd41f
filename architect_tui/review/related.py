"""What a selection really depends on, beyond the names it spells out: ``ast`` only.

Three questions the context builder asks here:

- **Which members of a class?** A view calling ``Query.get_by_id_and_org(...)`` and then
  ``query.fork()`` needs those two methods, whole, not the first 150 lines of a 900-line model.
  :func:`class_spans` keeps the class line, its docstring and class-level attributes (columns,
  ``decorators = [...]``), and the methods used; the rest is named, not sent.
- **Which callbacks make a decorator mean something?** ``@token_auth.login_required`` checks
  nothing by itself: the ``@token_auth.verify_token`` function does. :func:`auth_callbacks`
  finds those registrations in the project (Flask-HTTPAuth, Flask-Login, Flask-JWT-Extended and
  look-alikes).
- **Who defines a method called on an unknown receiver?** ``obj.fork()`` resolves by name to the
  one class in the modules the selection imports that defines ``fork`` (:func:`method_owners`);
  a name defined by several classes, or a common one (``get``, ``save``), is not guessed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from architect_tui.review.symbols import dotted_name

# Decorator attributes that register an auth callback on an auth object.
AUTH_CALLBACKS = {
    "verify_token", "verify_password", "get_user_roles", "get_password", "hash_password",
    "error_handler", "auth_error", "user_loader", "request_loader", "header_loader",
    "unauthorized_handler", "token_loader", "user_lookup_loader", "token_in_blocklist_loader",
    "verify_token_loader", "identity_loader", "user_identity_loader",
}  # fmt: skip
# Decorator attributes that guard a view with an auth object's check.
AUTH_GUARDS = {
    "login_required", "auth_required", "token_required", "jwt_required", "roles_required",
    "permission_required", "requires_auth", "require", "fresh_jwt_required",
}  # fmt: skip
# Method names too common to pin to one class by name alone.
COMMON_METHODS = {
    "get", "post", "put", "patch", "delete", "save", "add", "all", "first", "filter",
    "filter_by", "query", "commit", "update", "items", "keys", "values", "append", "extend",
    "json", "to_dict", "dict", "format", "join", "split", "strip", "lower", "upper", "count",
    "one", "one_or_none", "order_by", "limit", "offset", "paginate", "scalar", "execute",
    "copy", "pop", "setdefault", "remove", "close", "open", "read", "write", "run", "send",
    "validate", "validate_on_submit", "render", "load", "dump", "dumps", "loads", "replace",
    "startswith", "endswith", "encode", "decode", "__init__",
}  # fmt: skip
CLASS_DECORATOR_NAMES = {"decorators", "method_decorators"}
WHOLE_CLASS_LINES = 60  # a class this short is sent whole


def attribute_names(tree: ast.Module, start: int, end: int) -> set[str]:
    """Every ``x.name`` attribute read or called inside lines start..end."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and start <= getattr(node, "lineno", 0) <= end:
            names.add(node.attr)
    return names


def class_member_names(node: ast.ClassDef) -> set[str]:
    return {
        item.name
        for item in node.body
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }


def class_spans(node: ast.ClassDef, members: set[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """The line spans of ``node`` to send for ``members`` (1-based, inclusive, in order) and the
    names of the methods left out. A short class is kept whole."""
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    end = node.end_lineno or node.lineno
    if end - start + 1 <= WHOLE_CLASS_LINES:
        return [(start, end)], []
    first_body = node.body[0].lineno if node.body else end
    spans = [(start, max(start, first_body - 1))]
    left_out: list[str] = []
    for item in node.body:
        item_start = min([item.lineno, *(d.lineno for d in getattr(item, "decorator_list", []))])
        item_end = item.end_lineno or item.lineno
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if item.name in members:
                spans.append((item_start, item_end))
            else:
                left_out.append(item.name)
        elif item_end - item_start <= 5:  # docstring, columns, decorators = [...], constants
            spans.append((item_start, item_end))
    return _merge(spans), left_out


def class_decorator_names(node: ast.ClassDef) -> list[str]:
    """Dotted names listed in the class's ``decorators = [...]`` / ``method_decorators``."""
    found: list[str] = []
    for item in node.body:
        targets = item.targets if isinstance(item, ast.Assign) else []
        if not any(isinstance(t, ast.Name) and t.id in CLASS_DECORATOR_NAMES for t in targets):
            continue
        assert isinstance(item, ast.Assign)
        for element in ast.walk(item.value):
            dotted = dotted_name(element.func if isinstance(element, ast.Call) else element)
            if dotted and isinstance(element, ast.Name | ast.Attribute | ast.Call):
                found.append(dotted)
    return list(dict.fromkeys(found))


def is_guard_name(dotted: str) -> bool:
    """``login_required``, ``flask_login.login_required``, ``jwt_required``..."""
    return dotted.rpartition(".")[2] in AUTH_GUARDS


def guard_object(dotted: str) -> str | None:
    """``token_auth`` for ``token_auth.login_required`` (a guard on an auth object), else None."""
    head, _, attr = dotted.rpartition(".")
    return head if head and attr in AUTH_GUARDS else None


def auth_callbacks(tree: ast.Module, object_names: Iterable[str] | None) -> list[ast.AST]:
    """Top-level functions of ``tree`` registered as callbacks on any of ``object_names``
    (``@token_auth.verify_token``), or on any object when None (``@login_manager.user_loader``
    behind Flask-Login's own ``login_required``), in file order."""
    wanted = set(object_names) if object_names is not None else None
    found: list[ast.AST] = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for deco in node.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if (
                isinstance(target, ast.Attribute)
                and target.attr in AUTH_CALLBACKS
                and (wanted is None or dotted_name(target.value) in wanted)
            ):
                found.append(node)
                break
    return found


def method_owners(classes: Iterable[tuple[str, ast.ClassDef]], names: set[str]) -> dict[str, str]:
    """``method -> class name`` for each of ``names`` defined by exactly one of ``classes``
    (common names excluded)."""
    owners: dict[str, set[str]] = {}
    for class_name, node in classes:
        for member in class_member_names(node) & names:
            if member not in COMMON_METHODS and not member.startswith("__"):
                owners.setdefault(member, set()).add(class_name)
    return {m: next(iter(c)) for m, c in owners.items() if len(c) == 1}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
