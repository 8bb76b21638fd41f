"""Does an object graph hold a secret? For caches: what is pickled to disk must hold none.

Walks dataclasses, containers and ``ast`` trees. In a tree, each simple statement holding a
string is unparsed and judged by ``scan`` exactly as source text is, so a value is judged with
its name, keyword, dict key or getenv pair; any other string (a decorator's argument, a
condition's) is judged alone (token formats, URL credentials, key blocks, random tokens).
Implicitly concatenated literals are one constant in ``ast``, so a split secret is whole.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import Any

from architect_tui.secrets.scan import find_secrets


def holds_secret(obj: Any, judged: set[str | bytes] | None = None) -> bool:
    """True when any string reachable from ``obj`` looks like a secret. ``judged`` holds
    strings already found clean; pass one set to several calls (a cache's many entries share
    names and paths) and each string is judged once."""
    seen: set[int] = set()
    if judged is None:
        judged = set()  # a map repeats its strings (file paths, names) thousands of times
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str | bytes):
            if item in judged:
                continue
            judged.add(item)
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


#: Statements holding other statements: their bodies are walked, their headers judged alone.
_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.TryStar,
    ast.Match,
)


def _tree_has_secret(tree: ast.AST) -> bool:
    """A lean walk (a pruned module has ~10^3 nodes, a project ~10^5). Each simple statement
    holding a string is written back as source (``ast.unparse``) and judged by the same rules
    as a file (names, keywords, dict keys, getenv and user/password pairs: one home); any
    other string constant is judged alone."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.stmt) and not isinstance(node, _COMPOUND):
            if _statement_has_secret(node):
                return True
            continue
        if type(node) is ast.Constant:
            if isinstance(node.value, str | bytes) and _text_has_secret(node.value):
                return True
            continue
        _push_children(stack, node)
    return False


def _statement_has_secret(stmt: ast.stmt) -> bool:
    strings = _strings(stmt)
    if not strings:
        return False
    try:
        text = ast.unparse(stmt)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return any(_text_has_secret(v) for v in strings)  # judged alone, without the names
    return bool(_SUSPECT.search(text)) and bool(find_secrets(text, "cached.py"))


def _strings(node: ast.AST) -> list[str | bytes]:
    """The string constants of four characters or more under ``node`` (``ast.walk`` is a
    generator over ``iter_child_nodes``: several times slower on the many small statements
    of a cache)."""
    found: list[str | bytes] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if type(current) is ast.Constant:
            value = current.value
            if isinstance(value, str | bytes) and len(value) >= 4:
                found.append(value)
            continue
        _push_children(stack, current)
    return found


def _push_children(stack: list[ast.AST], node: ast.AST) -> None:
    for name in node._fields:
        child = getattr(node, name, None)
        if type(child) is list:
            stack.extend(c for c in child if isinstance(c, ast.AST))
        elif isinstance(child, ast.AST):
            stack.append(child)


#: Every rule of ``scan`` needs one of these in the text; the rest is cleared without a scan.
_SUSPECT = re.compile(
    r"(?i)://|-----BEGIN|[A-Za-z0-9+/=_-]{20,}|bearer|basic|token|pass|pwd|secret|auth|cred"
    r"|salt|dsn|pin|login|signature|(?:api|access|private|signing|master|encryption|app|license"
    r"|session|account)[ _-]?key"
)


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _text_has_secret(value: str | bytes) -> bool:
    if len(value) < 8:
        return False
    text = _text(value)
    return bool(_SUSPECT.search(text)) and bool(find_secrets(text, "value.txt"))
