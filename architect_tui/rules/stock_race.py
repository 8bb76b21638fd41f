"""FLK205: check-then-update of a counter without a lock (lost update / oversell)."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import source_text, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted

DB_MARKERS = ("session.", ".query", "get_or_404", "first_or_404", ".commit(", "execute(")


class CheckThenUpdateRace(Rule):
    id = "FLK205"
    title = "Check-then-update race on a counter"
    severity = "medium"
    category = "database"
    rationale = (
        "Reading a counter, checking it in Python and writing it back is a race: two concurrent "
        "requests both see enough stock and both decrement it. Lock the row "
        "(with_for_update) or do it in one conditional UPDATE and check the row count."
    )
    VALID = (
        Example(
            "def walk(self, node):\n    if self.depth > 50:\n        return\n    self.depth -= 1\n"
        ),
        Example(
            "def take(pid, n):\n    p = db.session.get(Product, pid, with_for_update=True)\n"
            "    if p.stock < n:\n        raise OutOfStock\n    p.stock -= n\n"
        ),
    )
    INVALID = (
        Example(
            "def take(pid, n):\n    p = db.session.get(Product, pid)\n"
            "    if p.stock < n:\n        raise OutOfStock\n    p.stock -= n\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        body = source_text(node.body)
        if "with_for_update" in body or "FOR UPDATE" in body.upper():
            return
        if not any(marker in body for marker in DB_MARKERS):
            return  # a counter in memory (a depth, a retry budget), not a database row
        decremented = {
            dotted(s.target)
            for s in walk(node.body)
            if isinstance(s, cst.AugAssign) and isinstance(s.operator, cst.SubtractAssign)
        }
        decremented.discard(None)
        decremented = {d for d in decremented if d and d.split(".")[0] not in {"self", "cls"}}
        if not decremented:
            return
        for sub in walk(node.body):
            if isinstance(sub, cst.Comparison):
                names = {dotted(n) for n in walk(sub) if isinstance(n, cst.Attribute)}
                hit = names & decremented
                if hit:
                    self.report(
                        sub,
                        f"{hit.pop()} is checked and then decremented without a row lock",
                    )
                    return
