"""FLK402: a GET endpoint that changes state."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import WRITES, dotted

_EMPTY = cst.Module(body=[])


class StateChangeOnGet(Rule):
    id = "FLK402"
    title = "State change on GET"
    severity = "medium"
    category = "rest"
    rationale = (
        "GET must be safe: link prefetchers, crawlers and a cross-site <img> follow GET links "
        "freely, and CSRF protection does not cover GET. Changes belong behind POST (or PUT/"
        "PATCH/DELETE) with a form carrying the CSRF token."
    )
    VALID = (
        Example("@bp.post('/o/<int:i>/cancel')\ndef cancel(i):\n    db.session.commit()\n"),
        Example("@bp.get('/o')\ndef orders():\n    return Order.query.all()\n"),
    )
    INVALID = (
        Example(
            "@bp.route('/o/<int:i>/cancel', methods=['GET', 'POST'])\ndef cancel(i):\n"
            "    order = db.get_or_404(Order, i)\n    order.status = 'cancelled'\n    db.session.commit()\n"
        ),
        Example(
            "def cancel_order(order):\n    order.status = 'x'\n    db.session.commit()\n"
            "@bp.get('/o/<int:i>/cancel')\ndef cancel(i):\n    cancel_order(Order.query.get(i))\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or "GET" not in info.methods:
            return
        body = _EMPTY.code_for_node(node.body)
        if "request.method" in body or "validate_on_submit" in body:
            return  # the write is gated on the POST branch
        writers = self.context.facts.writer_functions - {info.name}
        for sub in walk(node.body):
            if not isinstance(sub, cst.Call):
                continue
            callee = dotted(sub.func) or ""
            direct = WRITES.search(_EMPTY.code_for_node(sub.func) + "(")
            if direct or callee.rpartition(".")[2] in writers:
                self.report(
                    node,
                    f"{info.name} answers GET but changes data ({callee}); accept POST only",
                    at=node.decorators[0] if node.decorators else node,
                )
                return
