"""FLK116: a numeric form/query value used in arithmetic without bounds."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, mentions_request, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import string_value

AMOUNT = re.compile(r"(quantity|qty|amount|price|count|total|stock|number)", re.IGNORECASE)


class UnboundedQuantity(Rule):
    id = "FLK116"
    title = "Quantity from the request used without bounds"
    severity = "medium"
    category = "security"
    rationale = (
        "type=int only checks that it is a number: -5 or 10**9 pass. A negative quantity makes "
        "a negative total and adds stock; a huge one overflows a column. Validate the range "
        "(a form with NumberRange, or an explicit check) and answer 400 otherwise."
    )
    VALID = (
        Example(
            "from flask import request, abort\ndef add():\n"
            '    qty = request.form.get("quantity", 1, type=int)\n'
            "    if not 1 <= qty <= 99:\n        abort(400)\n    cart[1] = cart.get(1, 0) + qty\n"
        ),
    )
    INVALID = (
        Example(
            "from flask import request\ndef add(pid):\n"
            '    cart[pid] = cart.get(pid, 0) + request.form.get("quantity", 1, type=int)\n'
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not self._numeric_request_read(node):
            return
        fn = self.function_at(node)
        if fn is None:
            return
        if (
            any(isinstance(s, cst.Comparison) for s in walk(fn.node.body))
            or "min(" in code(fn.node)
            or "max(" in code(fn.node)
        ):
            return
        if isinstance(self.parent(node), cst.BinaryOperation):
            self.report(node, "Numeric request value is used without a range check")

    def _numeric_request_read(self, node: cst.Call) -> bool:
        if not mentions_request(node.func, self.context.file) or not node.args:
            return False
        key = string_value(node.args[0].value) or ""
        typed = any(
            a.keyword and a.keyword.value == "type" and code(a.value) in {"int", "float"}
            for a in node.args
        )
        return typed and bool(AMOUNT.search(key))
