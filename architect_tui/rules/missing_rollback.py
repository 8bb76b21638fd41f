"""FLK204: a session write whose failure is not rolled back."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, enclosing
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted


class MissingRollback(Rule):
    id = "FLK204"
    title = "Failed commit is not rolled back"
    severity = "medium"
    category = "database"
    rationale = (
        "After a failed flush or commit the SQLAlchemy session is unusable until rolled back: "
        "the next query in the request raises PendingRollbackError and turns a handled error "
        "(a duplicate e-mail) into a 500. Call db.session.rollback() in the except."
    )
    VALID = (
        Example(
            "def register(user):\n    db.session.add(user)\n    try:\n        db.session.commit()\n"
            "    except IntegrityError:\n        db.session.rollback()\n        raise\n"
        ),
    )
    INVALID = (
        Example(
            "def register(user):\n    db.session.add(user)\n    try:\n        db.session.commit()\n"
            "    except IntegrityError:\n        return 'taken', 409\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        if not name.endswith("session.commit"):
            return
        try_node = enclosing(node, self.parent, (cst.Try,))
        if not isinstance(try_node, cst.Try) or not try_node.handlers:
            return  # no handler here: the error propagates and the request ends
        if any("rollback" in code(h) or _reraises(h) for h in try_node.handlers):
            return
        self.report(node, "The except around this commit does not roll the session back")


def _reraises(handler: cst.ExceptHandler) -> bool:
    body = handler.body.body
    last = body[-1] if body else None
    return isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[0], cst.Raise)
