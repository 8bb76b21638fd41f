"""Read-only passes over LibCST trees that do not rebuild them.

LibCST's ``node.visit(visitor)`` rebuilds every node it passes, even for a read-only
``CSTVisitor`` (``_visit_and_replace_children`` constructs and validates a new node), and its
``PositionProvider`` records each position through a generator-based context manager and a
regex split per token. On a 100k-line project that is most of ``architect check``'s time and,
with one ``CodeRange`` of three objects per node, most of its memory. The rules only read the
tree, so this module walks it through the nodes' fields in the order LibCST itself visits them
(learned from LibCST, once per node class), and computes the same positions with a lean
codegen state into one packed integer per node. ``tests/unit/rules/test_traverse.py`` checks
both against LibCST's own answers on real code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import libcst as cst
from libcst._position import CodePosition, CodeRange
from libcst.metadata import PositionProvider
from libcst.metadata.position_provider import PositionProvidingCodegenState

# ---- children in LibCST's own order -------------------------------------------------------

_FIELDS: dict[type[cst.CSTNode], tuple[str, ...]] = {}
# Fields LibCST visits only when set (``FormattedStringExpression.format_spec``): a class's
# fields that were None or empty on every instance recorded so far. An instance that has one
# set is recorded again, and the field leaves this set either way.
_UNSEEN: dict[type[cst.CSTNode], frozenset[str]] = {}


class _FieldRecorder(cst.CSTVisitor):
    """Records the attributes ``_visit_and_replace_children`` visits on one node, in order,
    without descending: LibCST's own statement of its children's (lexical) order."""

    def __init__(self, root: cst.CSTNode) -> None:
        super().__init__()
        self.root = root
        self.fields: list[str] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        return node is self.root

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if node is self.root:
            self.fields.append(attribute)


def child_fields(node: cst.CSTNode) -> tuple[str, ...]:
    """The names of the fields that hold ``node``'s children, in lexical order."""
    kind = type(node)
    fields = _FIELDS.get(kind)
    unseen = _UNSEEN.get(kind)
    if fields is not None and not (unseen and any(getattr(node, f) for f in unseen)):
        return fields
    recorder = _FieldRecorder(node)
    node.visit(recorder)  # rebuilds this one node: once per class, or per newly set field
    fields = _FIELDS[kind] = _merge(fields or (), tuple(dict.fromkeys(recorder.fields)))
    empty = {
        f.name
        for f in dataclasses.fields(node)
        if f.name not in fields and not getattr(node, f.name)
    }
    _UNSEEN[kind] = frozenset(empty if unseen is None else unseen & empty)
    return fields


def _merge(known: tuple[str, ...], recorded: tuple[str, ...]) -> tuple[str, ...]:
    """``recorded``, with the fields only ``known`` has put back after their predecessor."""
    merged = list(recorded)
    for i, name in enumerate(known):
        if name not in merged:
            merged.insert(merged.index(known[i - 1]) + 1 if i else 0, name)
    return tuple(merged)


# Classes whose instances are nodes: a set lookup is much cheaper than isinstance() against
# CSTNode, an ABC, on every field of every node.
_NODE_TYPES: set[type] = set()
_NOT_NODES: set[type] = {type(None), str, cst.MaybeSentinel}


# Children already read, while a file is being checked (``remembered_children``): the rules
# walk the same function bodies many times over.
# Keyed by id(): LibCST defines __hash__ in Python, a call per lookup; the nodes outlive the
# block (the tree is checked inside it), so their ids cannot be reused meanwhile.
_MEMO: ContextVar[dict[int, list[cst.CSTNode]] | None] = ContextVar(
    "architect_children_memo", default=None
)


@contextmanager
def remembered_children() -> Iterator[None]:
    """Within this block, each node's children are read from its fields once."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """``node.children`` (same nodes, same order) without running a visitor. The list is
    shared when remembered: callers must not change it."""
    memo = _MEMO.get()
    if memo is None:
        return _read_children(node)
    found = memo.get(id(node))
    if found is None:
        found = memo[id(node)] = _read_children(node)
    return found


def _read_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    kind = type(node)
    fields = _FIELDS.get(kind)
    if fields is None or _UNSEEN[kind]:
        fields = child_fields(node)
    out: list[cst.CSTNode] = []
    for name in fields:
        value = getattr(node, name)
        of = type(value)
        if of in _NODE_TYPES:
            out.append(value)
        elif of is tuple or of is list:
            out.extend(item for item in value if type(item) in _NODE_TYPES or _is_node(item))
        elif of not in _NOT_NODES and _is_node(value):
            out.append(value)
    return out


def _is_node(value: object) -> bool:
    if isinstance(value, cst.CSTNode):
        _NODE_TYPES.add(type(value))
        return True
    _NOT_NODES.add(type(value))
    return False


def descendants(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node under ``node``, itself included, in lexical (pre-)order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def parent_table(root: cst.CSTNode) -> dict[int, cst.CSTNode]:
    """id(node) -> its parent, for every node under ``root``."""
    table: dict[int, cst.CSTNode] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        for child in children(node):
            table[id(child)] = node
            stack.append(child)
    return table


# ---- visiting -----------------------------------------------------------------------------

VisitorMethod = Callable[[cst.CSTNode], object]


_NAMES: dict[type, tuple[str, ...]] = {}


def visitor_names(cls: type) -> tuple[str, ...]:
    """The ``visit_<Type>``/``leave_<Type>`` methods a visitor class really defines (LibCST's
    own ``get_visitors`` runs ``inspect.getmembers`` on every instance, one per file)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(
            name
            for name in dir(cls)
            if name.startswith(("visit_", "leave_"))
            and callable(getattr(cls, name))
            and not getattr(getattr(cls, name), "_is_no_op", False)
        )
    return names


class _Leave:
    """On the stack above a node's children: leave the node when it is popped."""

    __slots__ = ("node",)

    def __init__(self, node: cst.CSTNode) -> None:
        self.node = node


def visit_batched(
    root: cst.CSTNode,
    visitors: Sequence[cst.BatchableCSTVisitor],
    before_visit: VisitorMethod | None = None,
    after_leave: VisitorMethod | None = None,
) -> None:
    """``libcst.visit_batched`` without rebuilding: ``before_visit`` then every visitor's
    ``visit_<Type>`` methods (in the visitors' order) before the children, their
    ``leave_<Type>`` methods then ``after_leave`` after."""
    methods: dict[str, list[VisitorMethod]] = {}
    for v in visitors:
        for name in visitor_names(type(v)):
            methods.setdefault(name, []).append(getattr(v, name))
    enter: dict[type, tuple[VisitorMethod, ...]] = {}
    leave: dict[type, tuple[VisitorMethod, ...]] = {}
    memo = _MEMO.get()
    stack: list[cst.CSTNode | _Leave] = [root]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        kind = type(node)
        if kind is _Leave:
            node = node.node  # type: ignore[union-attr]
            for fn in leave[type(node)]:
                fn(node)
            if after_leave is not None:
                after_leave(node)
            continue
        calls = enter.get(kind)
        if calls is None:
            calls = enter[kind] = tuple(methods.get(f"visit_{kind.__name__}", ()))
            leave[kind] = tuple(methods.get(f"leave_{kind.__name__}", ()))
        if before_visit is not None:
            before_visit(node)
        for fn in calls:
            fn(node)
        if leave[kind] or after_leave is not None:
            push(_Leave(node))  # type: ignore[arg-type]
        kids = None if memo is None else memo.get(id(node))
        if kids is None:
            kids = _read_children(node)  # type: ignore[arg-type]
            if memo is not None:
                memo[id(node)] = kids
        if kids:
            extend(reversed(kids))


# ---- positions ----------------------------------------------------------------------------

_BITS = 32
_MASK = (1 << _BITS) - 1


class _Syntactic:
    """``record_syntactic_position`` as a plain context manager (LibCST's is a generator)."""

    __slots__ = ("end_node", "node", "start", "state")

    def __init__(
        self,
        state: _LeanPositionState,
        node: cst.CSTNode,
        start_node: cst.CSTNode | None,
        end_node: cst.CSTNode | None,
    ) -> None:
        self.state, self.node, self.end_node = state, node, end_node
        self.start = (state.line, state.column) if start_node is None else start_node

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        state = self.state
        computed: dict[int, int] = state.provider  # type: ignore[assignment]
        if isinstance(self.start, tuple):
            start = (self.start[0] << _BITS | self.start[1]) << 2 * _BITS
        else:
            start = computed[id(self.start)] & ~((1 << 2 * _BITS) - 1)
        if self.end_node is None:
            end = state.line << _BITS | state.column
        else:
            end = computed[id(self.end_node)] & ((1 << 2 * _BITS) - 1)
        computed[id(self.node)] = start | end


class _LeanPositionState(PositionProvidingCodegenState):
    """LibCST's position codegen state with the same answers, computed cheaply: newlines
    counted without a regex, positions kept as one integer in a plain dict (``provider``)."""

    def _update_position(self, value: str) -> None:
        if "\r" in value:  # "\r\n" or a lone "\r": LibCST's own rule
            super()._update_position(value)
            return
        newlines = value.count("\n")
        if newlines:
            self.line += newlines
            self.column = len(value) - value.rfind("\n") - 1
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._stack.append((self.line, self.column))  # type: ignore[arg-type]

    def after_codegen(self, node: cst.CSTNode) -> None:
        line, column = self._stack.pop()  # type: ignore[misc]
        computed: dict[int, int] = self.provider  # type: ignore[assignment]
        key = id(node)
        if key not in computed:  # a syntactic position recorded inside wins
            computed[key] = (line << _BITS | column) << 2 * _BITS | (
                self.line << _BITS | self.column
            )

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> _Syntactic:
        return _Syntactic(self, node, start_node, end_node)


class Positions(Mapping[cst.CSTNode, CodeRange]):
    """``PositionProvider``'s table for one module, one integer per node; a ``CodeRange`` is
    made only for the nodes asked about (a finding's, a function's line)."""

    __slots__ = ("_module", "_packed")

    def __init__(self, module: cst.Module) -> None:
        # by id(): LibCST's __hash__ is a Python call; the module is kept, so no id is reused
        self._module = module
        self._packed: dict[int, int] = {}
        state = _LeanPositionState(
            default_indent=module.default_indent,
            default_newline=module.default_newline,
            provider=self._packed,  # type: ignore[arg-type]
        )
        module._codegen(state)

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        packed = self._packed[id(node)]
        return CodeRange(
            CodePosition(packed >> 3 * _BITS, packed >> 2 * _BITS & _MASK),
            CodePosition(packed >> _BITS & _MASK, packed & _MASK),
        )

    def line(self, node: cst.CSTNode) -> int:
        """The start line alone, without building a ``CodeRange``."""
        return self._packed[id(node)] >> 3 * _BITS

    def __contains__(self, node: object) -> bool:
        return id(node) in self._packed

    def __iter__(self) -> Iterator[cst.CSTNode]:
        return iter(descendants(self._module))

    def __len__(self) -> int:
        return len(self._packed)


def give_positions(visitor: cst.MetadataDependent, positions: Positions) -> None:
    """Let ``visitor.get_metadata(PositionProvider, node)`` answer from ``positions``."""
    metadata: dict[Any, Mapping[cst.CSTNode, object]] = dict(visitor.metadata)
    metadata[PositionProvider] = positions
    visitor.metadata = metadata
