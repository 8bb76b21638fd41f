"""FLK203: ``len(query.all())`` to count rows."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code
from architect_tui.rules.base import Example, Rule


def _len_of_all(node: cst.Call) -> bool:
    """``len(<anything>.all())``."""
    func = node.func
    if not (isinstance(func, cst.Name) and func.value == "len") or len(node.args) != 1:
        return False
    inner = node.args[0].value
    return (
        isinstance(inner, cst.Call)
        and not inner.args
        and isinstance(inner.func, cst.Attribute)
        and inner.func.attr.value == "all"
    )


class LenOfAll(Rule):
    id = "FLK203"
    title = "len(query.all()) loads every row to count them"
    severity = "medium"
    category = "database"
    rationale = (
        "len(query.all()) fetches and builds every row just to count them: memory and time grow "
        "with the table. Ask the database: query.count(), or select(func.count())."
    )
    VALID = (Example("total = Product.query.filter_by(active=True).count()\n"),)
    INVALID = (
        Example(
            "total = len(Product.query.filter_by(active=True).all())\n",
            expected="total = Product.query.filter_by(active=True).count()\n",
        ),
        Example(
            "query = Product.query.order_by(Product.name)\ntotal = len(query.all())\n",
            expected="query = Product.query.order_by(Product.name)\ntotal = query.count()\n",
        ),
        Example("n = len(db.session.execute(select(User)).scalars().all())\n"),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not _len_of_all(node):
            return
        inner = node.args[0].value
        assert isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
        receiver = code(inner.func.value)
        legacy = "query" in receiver.lower() and "execute" not in receiver

        def fix(updated: cst.CSTNode) -> cst.CSTNode:
            call = updated.args[0].value  # type: ignore[attr-defined]
            return cst.Call(func=call.func.with_changes(attr=cst.Name("count")))

        self.report(
            node,
            "len(....all()) loads every row to count them; count in the database",
            fix=fix if legacy else None,
        )
