"""FLK206: a foreign key column without an index."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted, string_value


class ForeignKeyWithoutIndex(Rule):
    id = "FLK206"
    title = "Foreign key without an index"
    # advice: whether the index matters depends on the queries and the database
    severity = "info"
    category = "database"
    rationale = (
        "PostgreSQL and SQLite do not index a foreign key by themselves (MySQL's InnoDB does); "
        "every 'orders of this user' or relationship load then scans the table. Add "
        "index=True (through a migration) where the column is filtered or joined on."
    )
    VALID = (
        Example('user_id = db.Column(db.Integer, db.ForeignKey("users.id"), index=True)\n'),
        Example('id = db.Column(db.Integer, db.ForeignKey("base.id"), primary_key=True)\n'),
        # a table-level index (flaskbb, redash): __table_args__ or Index() next to the model
        Example(
            "class Post(db.Model):\n"
            '    topic_id = db.Column(db.Integer, db.ForeignKey("topics.id"))\n'
            '    __table_args__ = (db.Index("ix_post_topic", "topic_id", "date_created"),)\n'
        ),
        Example(
            "class Token(db.Model):\n"
            '    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))\n'
            'Index("ix_token_user", Token.user_id)\n'
        ),
        # MySQL (InnoDB) indexes every foreign key itself
        Example(
            "",
            path="app/models.py",
            files={
                "app/models.py": 'user_id = db.Column(db.Integer, db.ForeignKey("users.id"))\n',
                "app/config.py": 'SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app@db/app"\n',
            },
        ),
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
        facts = self.context.facts
        if facts.mysql or self._column_name(node) in facts.indexed_columns:
            return
        self.report(node, "Foreign key column without index=True")

    def _column_name(self, node: cst.Call) -> str | None:
        """The attribute the column is assigned to (or its explicit name)."""
        first = node.args[0].value if node.args and node.args[0].keyword is None else None
        explicit = string_value(first) if first is not None else None
        if explicit:
            return explicit
        parent = self.parent(node)
        if isinstance(parent, cst.Assign):
            return dotted(parent.targets[0].target)
        if isinstance(parent, cst.AnnAssign):
            return dotted(parent.target)
        return None
