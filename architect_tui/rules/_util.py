"""Small helpers shared by several rules: request taint, dynamic strings, code snippets."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import libcst as cst

from architect_tui.rules.facts import FileFacts, FunctionInfo, dotted, string_value
from architect_tui.rules.traverse import Positions, children, remembered_children

_EMPTY = cst.Module(body=[])
_SAFE_CONVERTERS = re.compile(r"<(int|float|uuid):(\w+)>")


# A memo of code text for the file being checked: ``code_for_node`` runs a codegen pass, and
# rules ask for the same node's text many times per function. Children come from
# ``traverse.children``, which reads the fields instead of running LibCST's visitor.
_TABLES: ContextVar[dict[int, str] | None] = ContextVar("architect_rule_tables", default=None)
# The file's lines (split where LibCST counts lines, not at form feeds as str.splitlines
# does) and positions, for source_text().
_SOURCE: ContextVar[tuple[list[str], Positions] | None] = ContextVar(
    "architect_rule_source", default=None
)
_LINES = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
_WALKS: ContextVar[dict[int, list[cst.CSTNode]] | None] = ContextVar(
    "architect_rule_walks", default=None
)


@contextmanager
def file_tables(source: str, positions: Positions) -> Iterator[None]:
    """Code text, walks and children remembered while one file is checked."""
    token, walks = _TABLES.set({}), _WALKS.set({})
    text = _SOURCE.set((_LINES.findall(source), positions))
    try:
        with remembered_children():
            yield
    finally:
        _TABLES.reset(token)
        _WALKS.reset(walks)
        _SOURCE.reset(text)


def source_text(node: cst.CSTNode) -> str:
    """The node's text as the file has it, sliced by its position: for "does this body
    mention X" tests, without the codegen pass ``code`` runs (``code`` formats the node on
    its own, with relative indentation; this keeps the file's). Falls back to ``code``
    outside a check."""
    found = _SOURCE.get()
    if found is None or node not in found[1]:
        return code(node)
    lines, positions = found
    pos = positions[node]
    start, end = pos.start, pos.end
    if start.line == end.line:
        return lines[start.line - 1][start.column : end.column]
    last = lines[end.line - 1][: end.column] if end.line <= len(lines) else ""
    return "".join([lines[start.line - 1][start.column :], *lines[start.line : end.line - 1], last])


def code(node: cst.CSTNode) -> str:
    """Source text of an expression or statement (default formatting config)."""
    memo = _TABLES.get()
    if memo is None:
        return _EMPTY.code_for_node(node)
    text = memo.get(id(node))
    if text is None:
        text = memo[id(node)] = _EMPTY.code_for_node(node)
    return text


_SCOPES = (cst.FunctionDef, cst.ClassDef)


def walk(node: cst.CSTNode) -> Iterator[cst.CSTNode] | list[cst.CSTNode]:
    """Every node under ``node`` (itself included), without descending into nested defs.

    A function or class body's list is remembered while a file is checked: a dozen rules
    walk each view's body."""
    if type(node) is cst.IndentedBlock:
        memo = _WALKS.get()
        if memo is not None:
            found = memo.get(id(node))  # by id: the tree outlives the check of its file
            if found is None:
                found = memo[id(node)] = list(_walk(node))
            return found
    return _walk(node)


def _walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    stack: list[cst.CSTNode] = [node]
    while stack:
        current = stack.pop()
        yield current
        if current is not node and type(current) in _SCOPES:  # exact types: isinstance on
            continue  # LibCST's ABCs is slow, and parsed trees hold no subclasses
        stack.extend(reversed(children(current)))


def mentions_request(node: cst.CSTNode, facts: FileFacts) -> bool:
    """Does the expression read ``flask.request`` (args, form, json, files, headers, ...)?"""
    for sub in walk(node):
        if isinstance(sub, cst.Name | cst.Attribute):
            name = dotted(sub)
            resolved = facts.resolve(name) if name else None
            if resolved and (resolved == "flask.request" or resolved.startswith("flask.request.")):
                return True
    return False


def tainted_names(fn: FunctionInfo, facts: FileFacts) -> set[str]:
    """Local names whose value comes from the request: view parameters taken from the URL
    (unless an int/float/uuid converter) and names assigned from request data, to a fixpoint."""
    safe = {m_.group(2) for rule in fn.rules for m_ in _SAFE_CONVERTERS.finditer(rule)}
    names: set[str] = set()
    if fn.is_view and fn.class_name is None:
        names |= {p.name.value for p in fn.node.params.params if p.name.value not in safe}
    assigns: list[tuple[list[str], cst.CSTNode]] = []
    for sub in walk(fn.node.body):
        if isinstance(sub, cst.Assign):
            targets = [
                n.value for t in sub.targets for n in walk(t.target) if isinstance(n, cst.Name)
            ]
            assigns.append((targets, sub.value))
        elif isinstance(sub, cst.AnnAssign | cst.AugAssign) and sub.value is not None:
            assigns.append(
                ([n.value for n in walk(sub.target) if isinstance(n, cst.Name)], sub.value)
            )
        elif isinstance(sub, cst.NamedExpr):
            assigns.append(([dotted(sub.target) or ""], sub.value))
    changed = True
    while changed:
        changed = False
        for targets, value in assigns:
            if set(targets) <= names:
                continue
            if mentions_request(value, facts) or _uses(value, names):
                names |= set(targets)
                changed = True
    return names


def _uses(node: cst.CSTNode, names: set[str]) -> bool:
    return any(isinstance(n, cst.Name) and n.value in names for n in walk(node))


def is_tainted(node: cst.CSTNode, fn: FunctionInfo | None, facts: FileFacts) -> bool:
    if mentions_request(node, facts):
        return True
    return fn is not None and _uses(node, tainted_names(fn, facts))


def is_dynamic_string(node: cst.CSTNode) -> bool:
    """An f-string with fields, ``"..." % x``, ``"...".format(x)`` or ``"..." + x``."""
    if isinstance(node, cst.FormattedString):
        return any(isinstance(p, cst.FormattedStringExpression) for p in node.parts)
    if isinstance(node, cst.ConcatenatedString):
        return is_dynamic_string(node.left) or is_dynamic_string(node.right)
    # plain isinstance here: this module is imported by every rule, and libcst.matchers costs
    # most of a second to import (the rules that match shapes import it themselves)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
        return isinstance(node.left, cst.SimpleString | cst.ConcatenatedString)
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
    ):
        return isinstance(node.func.value, cst.SimpleString | cst.ConcatenatedString)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        parts = list(flatten_add(node))
        has_literal = any(isinstance(p, cst.SimpleString | cst.FormattedString) for p in parts)
        return has_literal and any(not isinstance(p, cst.SimpleString) for p in parts)
    return False


def flatten_add(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        yield from flatten_add(node.left)
        yield from flatten_add(node.right)
    else:
        yield node


def literal_text(node: cst.CSTNode) -> str:
    """The literal parts of a (dynamic) string, for keyword sniffing."""
    if isinstance(node, cst.FormattedString):
        return "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))
    if isinstance(node, cst.ConcatenatedString):
        return literal_text(node.left) + literal_text(node.right)
    if isinstance(node, cst.SimpleString):
        return string_value(node) or ""
    if isinstance(node, cst.BinaryOperation):
        return literal_text(node.left) + " " + literal_text(node.right)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        return literal_text(node.func.value)
    return ""


_SQL = re.compile(
    r"\b(select\s.+\sfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|where\s)",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_sql(text: str) -> bool:
    return bool(_SQL.search(text))


def enclosing(
    node: cst.CSTNode,
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
    kinds: tuple[type, ...],
) -> cst.CSTNode | None:
    """The nearest ancestor of one of ``kinds``, stopping at the enclosing function."""
    current = parent_of(node)
    while current is not None:
        if isinstance(current, kinds):
            return current
        if isinstance(current, cst.FunctionDef | cst.ClassDef | cst.Module):
            return None
        current = parent_of(current)
    return None


def has_module_logger(source: str) -> str | None:
    """The name of a module-level ``logging.getLogger`` logger, if the file has one."""
    found = re.search(r"^(\w+)\s*=\s*(?:logging\.)?getLogger\(", source, re.MULTILINE)
    return found.group(1) if found else None


def named_value(node: cst.CSTNode) -> tuple[str, cst.BaseExpression] | None:
    """``NAME = value``, ``x.NAME = value``, ``cfg["NAME"] = value``, ``f(NAME=value)`` and
    ``{"NAME": value}``: the name a value is stored under, for config-like rules."""
    if isinstance(node, cst.Assign) and len(node.targets) == 1:
        return _target_name(node.targets[0].target, node.value)
    if isinstance(node, cst.AnnAssign) and node.value is not None:
        return _target_name(node.target, node.value)
    if isinstance(node, cst.Arg) and node.keyword is not None:
        return node.keyword.value, node.value
    if isinstance(node, cst.DictElement):
        key = string_value(node.key)
        return (key, node.value) if key else None
    return None


def _target_name(
    target: cst.BaseExpression, value: cst.BaseExpression
) -> tuple[str, cst.BaseExpression] | None:
    name = dotted(target)
    if name:
        return name.rpartition(".")[2], value
    if isinstance(target, cst.Subscript) and len(target.slice) == 1:
        index = target.slice[0].slice
        key = string_value(index.value) if isinstance(index, cst.Index) else None
        return (key, value) if key else None
    return None


def env_name(name: str) -> str:
    return re.sub(r"\W", "_", name).upper()
