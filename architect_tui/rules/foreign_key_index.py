"""FLK206: a foreign key column without an index."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted


class ForeignKeyWithoutIndex(Rule):
    id = "FLK206"
    title = "Foreign key without an index"
    severity = "low"
    category = "database"
    rationale = (
        "Most databases (PostgreSQL, SQLite) do not index a foreign key by themselves; every "
        "'orders of this user' or relationship load then scans the table. Add index=True "
        "(through a migration)."
    )
    VALID = (
        Example('user_id = db.Column(db.Integer, db.ForeignKey("users.id"), index=True)\n'),
        Example('id = db.Column(db.Integer, db.ForeignKey("base.id"), primary_key=True)\n'),
    )
    INVALID = (
        Example('user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)\n'),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = (dotted(node.func) or "").rpartition(".")[2]
        if name not in {"Column", "mapped_column"}:
            return
        if not any(
            isinstance(a.value, cst.Call) and (dotted(a.value.func) or "").endswith("ForeignKey")
            for a in node.args
        ):
            return
        keywords = {a.keyword.value: code(a.value) for a in node.args if a.keyword}
        if keywords.get("index") == "True" or keywords.get("primary_key") == "True":
            return
        if keywords.get("unique") == "True":
            return
        self.report(node, "Foreign key column without index=True")
