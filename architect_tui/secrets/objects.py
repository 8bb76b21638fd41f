"""Does an object graph hold a secret? For caches: what is pickled to disk must hold none.

Walks dataclasses, containers and ``ast`` trees. In a tree, a string is judged with its context
the way ``scan`` judges source text: the name it is assigned to (``SECRET_KEY = "..."``), its
keyword (``password="..."``), its dict key, or the variable name before it in
``getenv("API_TOKEN", "...")``; any other string is judged alone (token formats, URL
credentials, key blocks, random tokens). Implicitly concatenated literals are one constant in
``ast``, so a split secret is judged whole.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import Any

from architect_tui.secrets.scan import find_secrets
from architect_tui.secrets.values import looks_like_secret


def holds_secret(obj: Any) -> bool:
    """True when any string reachable from ``obj`` looks like a secret."""
    seen: set[int] = set()
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str | bytes):
            if _text_has_secret(item):
                return True
            continue
        if item is None or isinstance(item, int | float | complex | bool) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ast.AST):
            if _tree_has_secret(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif hasattr(item, "__dict__"):
            stack.extend(vars(item).values())
    return False


_CONTEXT_NODES = (ast.Assign, ast.AnnAssign, ast.keyword, ast.Dict, ast.Call)


def _tree_has_secret(tree: ast.AST) -> bool:
    """A lean walk (a pruned module has ~10^3 nodes, a project ~10^5): constants are judged
    alone, assignments, keywords, dict entries and calls with their name."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if type(node) is ast.Constant:
            if isinstance(node.value, str | bytes) and _text_has_secret(node.value):
                return True
            continue
        if isinstance(node, _CONTEXT_NODES) and _node_has_secret(node):
            return True
        for name in node._fields:
            child = getattr(node, name, None)
            if type(child) is list:
                stack.extend(c for c in child if isinstance(c, ast.AST))
            elif isinstance(child, ast.AST):
                stack.append(child)
    return False


#: Every rule of ``scan`` needs one of these in the text; the rest is cleared without a scan.
_SUSPECT = re.compile(
    r"(?i)://|-----BEGIN|[A-Za-z0-9+/=_-]{20,}|bearer|basic|token|pass|pwd|secret|auth|cred"
    r"|salt|dsn|\bpin|signature|(?:api|access|private|signing|master|encryption|app|license"
    r"|session|account)[ _-]?key"
)


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _text_has_secret(value: str | bytes) -> bool:
    if len(value) < 8:
        return False
    text = _text(value)
    return bool(_SUSPECT.search(text)) and bool(find_secrets(text, "value.txt"))


def _named_secret(name: str | None, value: ast.AST | None) -> bool:
    if name is None or not isinstance(value, ast.Constant):
        return False
    if not isinstance(value.value, str | bytes):
        return False
    return looks_like_secret(_text(value.value), name)


def _target_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        key = node.slice.value
        return key if isinstance(key, str) else None
    return None


def _node_has_secret(node: ast.AST) -> bool:
    """The context rules: a constant under a name, keyword, dict key or getenv-style pair."""
    if isinstance(node, ast.Assign):
        return any(_named_secret(_target_name(t), node.value) for t in node.targets)
    if isinstance(node, ast.AnnAssign):
        return _named_secret(_target_name(node.target), node.value)
    if isinstance(node, ast.keyword):
        return _named_secret(node.arg, node.value)
    if isinstance(node, ast.Dict):
        return any(
            isinstance(k, ast.Constant) and isinstance(k.value, str) and _named_secret(k.value, v)
            for k, v in zip(node.keys, node.values, strict=False)
        )
    if isinstance(node, ast.Call) and len(node.args) >= 2:
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return _named_secret(first.value, node.args[1])
    return False
