"""FLK201: a lazy relationship or a query inside a loop over query results (N+1)."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted

QUERY = re.compile(r"(\.query\b|session\.(query|execute|scalars)\(|\.all\(\)|select\()")
INNER_QUERY = re.compile(r"(\.query\.|session\.(query|execute|get|scalars|scalar)\(|get_or_404\()")
EAGER = ("joinedload", "selectinload", "subqueryload", "contains_eager")


class NPlusOne(Rule):
    id = "FLK201"
    title = "Query per row inside a loop (N+1)"
    severity = "medium"
    category = "database"
    rationale = (
        "Each lazy relationship touched (or query run) inside a loop over query results is one "
        "more round trip per row: 1 + N queries that grow with the data. Eager-load what the "
        "loop reads (selectinload/joinedload) or aggregate in SQL."
    )
    _MODELS = (
        "class Order(db.Model):\n"
        '    items = db.relationship("OrderItem")\n'
        '    user = db.relationship("User", lazy="joined")\n'
    )
    VALID = (
        Example(
            _MODELS + "def report():\n"
            "    for order in Order.query.options(selectinload(Order.items)).all():\n"
            "        total(order.items)\n"
        ),
        Example(
            _MODELS
            + "def names():\n    for order in Order.query.all():\n        print(order.user.name)\n"
        ),
        Example(
            _MODELS + "@app.cli.command()\ndef report():\n"
            "    for order in Order.query.all():\n        total(order.items)\n"
        ),
    )
    INVALID = (
        Example(
            _MODELS + "def report():\n"
            "    orders = Order.query.filter_by(status='paid').all()\n"
            "    for order in orders:\n"
            "        for item in order.items:\n"
            "            pass\n"
        ),
        Example(
            "def report(ids):\n"
            "    for row in db.session.execute(select(Order)).scalars():\n"
            "        user = db.session.get(User, row.user_id)\n"
        ),
        # outside a view: a model method walking its own lazy relationship (CSV export shape)
        Example(
            _MODELS.replace("class Order", "class Item(db.Model):\n"
                            '    product = db.relationship("Product")\nclass Order')
            + "    def to_csv(self):\n"
            "        for item in self.items:\n"
            "            yield item.product.name\n"
        ),
    )

    def visit_For(self, node: cst.For) -> None:
        fn = self.function_at(node)
        if fn is None or self.off_request_path(node):
            return  # a one-off command or a task: its query count is not a page's latency
        if not self._iterates_query(node.iter, fn.node):
            return
        target = dotted(node.target)
        relationships = self.context.facts.relationships
        for sub in walk(node.body):
            if (
                target
                and isinstance(sub, cst.Attribute)
                and dotted(sub.value) == target
                and sub.attr.value in relationships
            ):
                self.report(
                    sub,
                    f"{target}.{sub.attr.value} is lazy-loaded once per row of the loop; "
                    "eager-load it in the query",
                )
                return
            if isinstance(sub, cst.Call) and INNER_QUERY.search(code(sub.func) + "("):
                self.report(
                    sub, "A query runs once per row of the loop; fetch the rows in one query"
                )
                return

    def _iterates_query(self, it: cst.BaseExpression, fn: cst.FunctionDef) -> bool:
        text = code(it)
        if any(e in text for e in EAGER):
            return False
        if QUERY.search(text):
            return True
        # a lazy relationship iterated in a model method or a helper: self.items, user.posts
        if isinstance(it, cst.Attribute) and it.attr.value in self.context.facts.relationships:
            return True
        if isinstance(it, cst.Name):
            for sub in walk(fn.body):
                if isinstance(sub, cst.Assign) and any(
                    dotted(t.target) == it.value for t in sub.targets
                ):
                    value = code(sub.value)
                    return bool(QUERY.search(value)) and not any(e in value for e in EAGER)
        return False
