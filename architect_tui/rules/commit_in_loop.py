"""FLK202: ``commit()`` inside a loop."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import enclosing
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted


class CommitInLoop(Rule):
    id = "FLK202"
    title = "commit() inside a loop"
    severity = "medium"
    category = "database"
    rationale = (
        "A commit per iteration makes each row its own transaction: slow, and an error half-way "
        "leaves the work half done (an order with two of its three items, a half-imported "
        "file). Commit once after the loop and roll back on error."
    )
    VALID = (
        Example(
            "def save(rows):\n    for row in rows:\n        db.session.add(row)\n    db.session.commit()\n"
        ),
        # a CLI command that imports in batches (CTFd/flaskbb management commands)
        Example(
            "@click.command()\ndef import_users(path):\n    for row in read(path):\n"
            "        db.session.add(User(**row))\n        db.session.commit()\n"
        ),
        Example(
            "@shared_task\ndef expire():\n    for t in Token.query.all():\n"
            "        db.session.delete(t)\n        db.session.commit()\n"
        ),
    )
    INVALID = (
        Example(
            "def save(rows):\n    for row in rows:\n        db.session.add(row)\n        db.session.commit()\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        if not name.endswith(".commit") or node.args:
            return
        if self.off_request_path(node):
            return  # a CLI import or a task may commit in batches on purpose
        if enclosing(node, self.parent, (cst.For, cst.While)) is not None:
            self.report(node, "commit() per iteration: one transaction per row")
