"""The engine's read-only traversal and positions give LibCST's own answers on real code.

``rules/traverse.py`` replaces LibCST's rebuilding visitor and its position provider for speed;
every rule depends on both being exact: the same children in the same order, the same events,
the same line and column for every node LibCST knows a position of.
"""

from __future__ import annotations

from pathlib import Path

import flask
import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from architect_tui.rules import traverse
from architect_tui.rules.facts import string_value
from architect_tui.rules.traverse import (
    Positions,
    children,
    descendants,
    give_positions,
    visit_batched,
)

REPO = Path(__file__).resolve().parents[3]
# Real Flask code of several shapes: the example shop, the real-world reproductions, and the
# Flask package itself (decorators, f-strings with format specs, typing, long signatures).
CORPUS = sorted(
    [
        *(REPO / "examples" / "shop").rglob("*.py"),
        *(REPO / "tests" / "realworld").rglob("*.py"),
        *Path(flask.__file__).parent.glob("*.py"),
    ]
)

TRICKY = {
    "crlf.py": "def f(a,\r\n      b):\r\n    return f'{a!r:>{b}}'\r\n",
    "lone_cr.py": "x = 1\ry = [\r  2,\r]\r",
    "fstrings.py": 'n = 3\ns = f"{n:>{n}} {n!r} {n=} {n:{\'x\'}}"\nt = f"{n}"\n',
    "decorated.py": "@a.b(c=1)\n@d\nclass K(B, metaclass=M):\n    x: int = 1\n",
    "empty.py": "",
    "comments.py": "# only\n\n# comments\n",
    "nested.py": "def f():\n    def g(*, k=lambda: [i async for i in y]):\n        pass\n",
}


def _modules() -> list[tuple[str, cst.Module]]:
    out = [(str(p.relative_to(p.parents[1])), cst.parse_module(p.read_bytes())) for p in CORPUS]
    out += [(name, cst.parse_module(text)) for name, text in TRICKY.items()]
    return out


MODULES = _modules()


def test_the_corpus_is_real_code() -> None:
    assert len(MODULES) > 100
    assert sum(len(list(descendants(m))) for _, m in MODULES) > 100_000


@pytest.mark.parametrize("name,module", MODULES[:: max(1, len(MODULES) // 60)] + MODULES[-7:])
def test_children_and_positions_match_libcst(name: str, module: cst.Module) -> None:
    libcst_positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    ours = Positions(module)
    assert len(ours) == len(libcst_positions)
    for node in descendants(module):
        mine, theirs = children(node), list(node.children)
        assert len(mine) == len(theirs) and all(a is b for a, b in zip(mine, theirs, strict=True)), name
        if node in libcst_positions:
            assert ours[node] == libcst_positions[node], (name, type(node).__name__)
            assert ours.line(node) == libcst_positions[node].start.line


class _Recorder(cst.BatchableCSTVisitor):
    """Every event, in order, as (event, node type, line)."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, str, int]] = []

    def _at(self, node: cst.CSTNode) -> int:
        return self.get_metadata(PositionProvider, node).start.line

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.events.append(("visit", "FunctionDef", self._at(node)))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.events.append(("leave", "FunctionDef", self._at(node)))

    def visit_Call(self, node: cst.Call) -> None:
        self.events.append(("visit", "Call", self._at(node)))

    def leave_Name(self, node: cst.Name) -> None:
        self.events.append(("leave", node.value, self._at(node)))


@pytest.mark.parametrize("name,module", MODULES[:: max(1, len(MODULES) // 20)])
def test_visits_give_the_same_events_as_libcst(name: str, module: cst.Module) -> None:
    theirs = _Recorder()
    MetadataWrapper(module, unsafe_skip_copy=True).visit_batched([theirs])
    mine = _Recorder()
    give_positions(mine, Positions(module))
    visit_batched(module, [mine])
    assert mine.events == theirs.events


def test_a_field_libcst_visits_only_when_set_is_found_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``FormattedStringExpression.format_spec`` is visited only when present: a first
    instance without one must not hide it in later ones."""
    monkeypatch.setattr(traverse, "_FIELDS", {})  # as in a fresh process
    monkeypatch.setattr(traverse, "_UNSEEN", {})
    module = cst.parse_module('a = f"{x}"\nb = f"{x:>{width}}"\n')
    names = [n.value for n in descendants(module) if isinstance(n, cst.Name)]
    assert names == ["a", "x", "b", "x", "width"]


def test_string_values_match_libcst_evaluation() -> None:
    """``string_value`` reads plain literals without ``literal_eval``; every literal of the
    corpus (prefixes, triple quotes, escapes, CRLF files, bytes) gives LibCST's value."""
    extra = cst.parse_module(
        'a = r"x\\\\y" + b"z" + Rb"q" + u"w" + """p\r\nq""" + "\\x41" + \'"\' + "it\'s"\n'
    )
    seen = 0
    for _, module in [*MODULES, ("extra.py", extra)]:
        for node in descendants(module):
            if isinstance(node, cst.SimpleString):
                value = node.evaluated_value
                assert string_value(node) == (value if isinstance(value, str) else None), node.value
                seen += 1
    assert seen > 3_000
