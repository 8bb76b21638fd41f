"""FLK104: SQL text built from values (f-string, %, .format, +) and sent to the database."""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass, field

import libcst as cst

from architect_tui.rules._util import (
    code,
    flatten_add,
    is_dynamic_string,
    is_tainted,
    literal_text,
    looks_like_sql,
)
from architect_tui.rules.base import Example, ImportRequest, Rule
from architect_tui.rules.facts import dotted, string_value

SINKS = {"execute", "executemany", "executescript", "exec_driver_sql", "raw", "from_statement"}
TEXT_NAMES = {"sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text"}
Segment = str | cst.BaseExpression
# A value right after these is an identifier (a table, a column), which no driver can bind.
_IDENTIFIER_BEFORE = re.compile(
    r"(\b(from|join|into|update|table|exists|index|on|column|by|as|view|truncate)\s+[\"`\[]?"
    r"|[.\"`\[])$",
    re.IGNORECASE,
)
# Placeholders built for a bound list: ",".join("?" * len(ids)), ", ".join([":p"] * n).
_PLACEHOLDERS = re.compile(r"""["'](\?|%s|:\w*)["']\s*(\*|for\b|\])|placeholder|qmarks""")
_NUMERIC_ONLY = re.compile(r"(?:[^%]|%%|%(?:\(\w+\))?[dif])*")


def _eval_piece(start: str, raw: str, end: str) -> str | None:
    try:
        value = ast.literal_eval(f"{start}{raw}{end}")
    except (SyntaxError, ValueError):
        return None
    return value if isinstance(value, str) else None


def segments(node: cst.BaseExpression) -> list[Segment] | None:
    """The string as literal text and interpolated expressions, or None when unsure."""
    if isinstance(node, cst.FormattedString):
        start = node.start.replace("f", "").replace("F", "")
        out: list[Segment] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                raw = part.value.replace("{{", "{").replace("}}", "}")
                text = _eval_piece(start, raw, node.end)
                if text is None:
                    return None
                out.append(text)
            else:
                if part.conversion or part.format_spec:
                    return None
                out.append(part.expression)
        return out
    if isinstance(node, cst.ConcatenatedString):
        left, right = segments(node.left), segments(node.right)  # type: ignore[arg-type]
        return None if left is None or right is None else left + right
    if isinstance(node, cst.SimpleString):
        text = string_value(node)
        return None if text is None else [text]
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        template = string_value(node.func.value)
        return None if template is None else _format_segments(template, node.args)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
        template = string_value(node.left)
        return None if template is None else _percent_segments(template, node.right)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        out = []
        for part in flatten_add(node):
            text = string_value(part)
            if text is not None:
                out.append(text)
            elif isinstance(part, cst.FormattedString):
                inner = segments(part)
                if inner is None:
                    return None
                out.extend(inner)
            else:
                out.append(part)  # type: ignore[arg-type]
        return out
    return None


def _format_segments(template: str, args: tuple[cst.Arg, ...]) -> list[Segment] | None:
    positional = [a.value for a in args if a.keyword is None and not a.star]
    named = {a.keyword.value: a.value for a in args if a.keyword is not None}
    out: list[Segment] = []
    auto = 0
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    for literal, field_name, spec, conversion in parsed:
        out.append(literal)
        if field_name is None:
            continue
        if spec or conversion:
            return None
        if field_name == "":
            index: int | str = auto
            auto += 1
        elif field_name.isdigit():
            index = int(field_name)
        elif field_name.isidentifier():
            index = field_name
        else:
            return None
        if isinstance(index, int):
            if index >= len(positional):
                return None
            out.append(positional[index])
        elif index in named:
            out.append(named[index])
        else:
            return None
    return out


_PERCENT = re.compile(r"%(?:\((\w+)\))?([sdif])|%%")


def _percent_segments(template: str, right: cst.BaseExpression) -> list[Segment] | None:
    if isinstance(right, cst.Tuple):
        values: list[cst.BaseExpression] = [e.value for e in right.elements]
    elif isinstance(right, cst.Dict):
        values = []
    else:
        values = [right]
    mapping = {
        string_value(e.key): e.value
        for e in getattr(right, "elements", ())
        if isinstance(e, cst.DictElement)
    }
    out: list[Segment] = []
    last = 0
    for m_ in _PERCENT.finditer(template):
        out.append(template[last : m_.start()])
        last = m_.end()
        if m_.group(0) == "%%":
            out.append("%")
        elif m_.group(1):
            if m_.group(1) not in mapping:
                return None
            out.append(mapping[m_.group(1)])  # type: ignore[arg-type]
        else:
            if not values:
                return None
            out.append(values.pop(0))
    out.append(template[last:])
    return None if values else out


@dataclass(slots=True)
class Bound:
    sql: str
    params: list[tuple[str, str]] = field(default_factory=list)  # (name, expression code)


def _param_name(expr: cst.BaseExpression, taken: dict[str, str], value: str) -> str:
    base = "p"
    if isinstance(expr, cst.Name):
        base = expr.value
    elif isinstance(expr, cst.Attribute):
        base = expr.attr.value
    elif isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
        key = expr.slice[0].slice
        base = (string_value(key.value) if isinstance(key, cst.Index) else None) or "p"
    elif isinstance(expr, cst.Call) and expr.args:
        base = string_value(expr.args[0].value) or "p"
    base = re.sub(r"\W", "_", base) or "p"
    name, n = base, 1
    while name in taken and taken[name] != value:
        n += 1
        name = f"{base}{n}"
    taken[name] = value
    return name


def bind(
    parts: list[Segment],
    style: str,
    taken: dict[str, str] | None = None,
    params: list[tuple[str, str]] | None = None,
) -> Bound | None:
    """Turn segments into SQL with placeholders; quotes around a value are dropped and
    ``'%{x}%'`` becomes a bound ``f"%{x}%"``. ``taken``/``params`` are shared when the pieces
    of one concatenated string are bound one by one."""
    sql = ""
    taken = {} if taken is None else taken
    params = [] if params is None else params
    pending_strip = ""
    for i, seg in enumerate(parts):
        if isinstance(seg, str):
            if pending_strip and seg.startswith(pending_strip):
                seg = seg[len(pending_strip) :]
            elif pending_strip:
                return None
            pending_strip = ""
            sql += seg
            continue
        value = code(seg)
        nxt = parts[i + 1] if i + 1 < len(parts) and isinstance(parts[i + 1], str) else ""
        before = after = ""
        if sql.endswith("'%") and str(nxt).startswith(("%'", "'")):
            before = "%"
            after = "%" if str(nxt).startswith("%'") else ""
            sql = sql[:-2]
            pending_strip = after + "'"
        elif sql.endswith("'") and str(nxt).startswith(("%'", "'")):
            after = "%" if str(nxt).startswith("%'") else ""
            sql = sql[:-1]
            pending_strip = after + "'"
        elif sql.endswith(("'", '"')) or str(nxt).startswith(("'", '"')):
            return None  # half-quoted: not sure what the SQL means
        if before or after:
            if '"' in value or "{" in value:
                return None
            value = f'f"{before}{{{value}}}{after}"'
        name = _param_name(seg, taken, value)
        if style == "qmark" or (name, value) not in params:
            params.append((name, value))
        sql += f":{name}" if style == "named" else "?"
    if pending_strip:
        return None
    return Bound(sql, params)


def _leaves(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    if isinstance(node, cst.ConcatenatedString):
        return _leaves(node.left) + _leaves(node.right)  # type: ignore[arg-type]
    return [node]


def _rebuild(node: cst.BaseExpression, new: list[cst.BaseExpression]) -> cst.BaseExpression:
    """The concatenated string with its pieces replaced in order, layout kept."""
    if isinstance(node, cst.ConcatenatedString):
        left = _rebuild(node.left, new)  # type: ignore[arg-type]
        right = _rebuild(node.right, new)  # type: ignore[arg-type]
        return node.with_changes(left=left, right=right)
    return new.pop(0)


def bind_in_place(
    expr: cst.BaseExpression, style: str
) -> tuple[cst.BaseExpression, list[tuple[str, str]]] | None:
    """Bind an f-string, or each piece of an implicitly concatenated one, keeping the pieces
    and their line breaks, so the fixed SQL reads like the original."""
    if not isinstance(expr, cst.FormattedString | cst.ConcatenatedString):
        return None
    taken: dict[str, str] = {}
    params: list[tuple[str, str]] = []
    new: list[cst.BaseExpression] = []
    for leaf in _leaves(expr):
        parts = segments(leaf)
        bound = bind(parts, style, taken, params) if parts is not None else None
        if bound is None:
            return None
        if isinstance(leaf, cst.SimpleString) and bound.sql == string_value(leaf):
            new.append(leaf)  # a plain piece that needs no change keeps its exact spelling
            continue
        triple = isinstance(leaf, cst.SimpleString | cst.FormattedString) and (
            leaf.quote if isinstance(leaf, cst.SimpleString) else leaf.end
        ) in {'"""', "'''"}
        new.append(cst.SimpleString(py_string(bound.sql, triple=triple)))
    return _rebuild(expr, new), params


def py_string(text: str, *, triple: bool = False) -> str:
    """A double-quoted literal for ``text``; triple-quoted only when the original was."""
    escaped = text.replace("\\", "\\\\")
    if triple:
        return '"""' + escaped.replace('"""', '\\"\\"\\"') + '"""'
    escaped = escaped.replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return '"' + escaped.replace("\t", "\\t") + '"'


class SqlInjection(Rule):
    id = "FLK104"
    title = "SQL built from values instead of bound parameters"
    severity = "critical"
    category = "security"
    rationale = (
        "Values pasted into SQL text are SQL: a quote in a search box ends the string and the "
        "rest runs as a query (read every table, log in as anyone, drop data). Send the text "
        "with placeholders and the values separately; the driver never mixes them."
    )
    VALID = (
        Example('db.session.execute(text("SELECT * FROM product WHERE id = :id"), {"id": pid})\n'),
        Example('cur.execute("SELECT * FROM user WHERE id = ?", (uid,))\n'),
        Example('executor.execute(f"job-{name}")\n'),
        Example('log.info(f"SELECT happened for {name}")\n'),
        # %d of an int (lemur, privacyidea)
        Example('cur.execute("SELECT * FROM audit WHERE id > %d" % last_id)\n'),
        # placeholders built for a bound list (CTFd, redash)
        Example(
            "def rows(ids):\n"
            '    marks = ",".join("?" * len(ids))\n'
            '    return cur.execute(f"SELECT * FROM t WHERE id IN ({",".join("?" * len(ids))})", ids)\n'
        ),
        # a table name in a migration-style helper, not from the request
        Example(
            "from sqlalchemy import text\n"
            "def drop_column(table, column):\n"
            '    db.session.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))\n'
        ),
    )
    INVALID = (
        Example(
            "from sqlalchemy import text\n"
            "def search(term):\n"
            "    return db.session.execute(\n"
            "        text(\n"
            '            "SELECT id, name FROM products "\n'
            "            f\"WHERE name LIKE '%{term}%' ORDER BY name\"\n"
            "        )\n"
            "    ).all()\n",
            expected=(
                "from sqlalchemy import text\n"
                "def search(term):\n"
                "    return db.session.execute(\n"
                "        text(\n"
                '            "SELECT id, name FROM products "\n'
                '            "WHERE name LIKE :term ORDER BY name"\n'
                '        ), {"term": f"%{term}%"}\n'
                "    ).all()\n"
            ),
        ),
        Example(
            "from sqlalchemy import text\n"
            "def search(q):\n"
            "    return db.session.execute(text(f\"SELECT * FROM product WHERE name LIKE '%{q}%'\"))\n",
            expected=(
                "from sqlalchemy import text\n"
                "def search(q):\n"
                '    return db.session.execute(text("SELECT * FROM product WHERE name LIKE :q"), '
                '{"q": f"%{q}%"})\n'
            ),
        ),
        Example(
            "from sqlalchemy import text\n"
            "def find(name, age):\n"
            "    sql = \"SELECT * FROM user WHERE name = '{}' AND age > {}\".format(name, age)\n"
            "    return db.session.execute(text(sql))\n",
        ),
        Example(
            "import sqlite3\n"
            "def get(db, uid):\n"
            "    return db.execute(\"SELECT * FROM user WHERE id = '%s'\" % uid).fetchone()\n",
            expected=(
                "import sqlite3\n"
                "def get(db, uid):\n"
                '    return db.execute("SELECT * FROM user WHERE id = ?", (uid,)).fetchone()\n'
            ),
        ),
        Example(
            "from flask_sqlalchemy import SQLAlchemy\n"
            "def delete(item_id):\n"
            '    db.session.execute("DELETE FROM item WHERE id = " + item_id)\n',
            expected=(
                "from flask_sqlalchemy import SQLAlchemy\n"
                "from sqlalchemy import text\n\n"
                "def delete(item_id):\n"
                '    db.session.execute(text("DELETE FROM item WHERE id = :item_id"), '
                '{"item_id": item_id})\n'
            ),
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        last = name.rpartition(".")[2]
        is_text = bool(self.qnames(node, TEXT_NAMES) & TEXT_NAMES) or name in {
            "text",
            "sa.text",
            "db.text",
        }
        if not node.args or not (last in SINKS or is_text):
            return
        first = node.args[0].value
        if is_text and self._inside_sink(node):
            return  # reported (and fixed) at the execute call
        inner_text = (
            isinstance(first, cst.Call)
            and (
                bool(self.qnames(first, TEXT_NAMES) & TEXT_NAMES)
                or dotted(first.func) in {"text", "db.text"}
            )
            and bool(first.args)
        )
        sql_expr = first.args[0].value if inner_text else first  # type: ignore[union-attr]
        if is_dynamic_string(sql_expr):
            if not (is_text or inner_text) and not looks_like_sql(literal_text(sql_expr)):
                return
            verdict = self._judge(sql_expr)
            if verdict == "safe":
                return
            self._report_dynamic(node, sql_expr, inner_text, is_text, verdict)
        elif isinstance(sql_expr, cst.Name) and self._assigned_dynamic_sql(sql_expr):
            self.report(
                node,
                f"SQL in {sql_expr.value!r} is built from values; use placeholders and "
                "pass the values as parameters",
            )

    def _judge(self, sql_expr: cst.BaseExpression) -> str:
        """"safe" when every value in the SQL is a number (%d), placeholders built for a bound
        list (",".join("?" * n)) or an identifier not from the request (a table name in a
        migration helper); "identifier" when an identifier comes from the request (no fix:
        it cannot be bound); "tainted" when request data reaches the SQL; else "value"."""
        fn = self.function_at(sql_expr)
        facts = self.context.file
        if isinstance(sql_expr, cst.BinaryOperation) and isinstance(sql_expr.operator, cst.Modulo):
            template = string_value(sql_expr.left)
            if template is not None and _NUMERIC_ONLY.fullmatch(template):
                return "safe"
        parts = segments(sql_expr)
        if parts is None:
            return "tainted" if is_tainted(sql_expr, fn, facts) else "value"
        text = ""
        verdicts = []
        for seg in parts:
            if isinstance(seg, str):
                text += seg
                continue
            tainted = is_tainted(seg, fn, facts)
            if _PLACEHOLDERS.search(code(seg)):
                verdicts.append("safe")
            elif _IDENTIFIER_BEFORE.search(text):
                verdicts.append("identifier" if tainted else "safe")
            else:
                verdicts.append("tainted" if tainted else "value")
            text += "?"
        for kind in ("identifier", "tainted", "value"):
            if kind in verdicts:
                return kind
        return "safe"

    def _inside_sink(self, node: cst.Call) -> bool:
        arg = self.parent(node)
        call = self.parent(arg) if isinstance(arg, cst.Arg) else None
        return isinstance(call, cst.Call) and (dotted(call.func) or "").rpartition(".")[2] in SINKS

    def _assigned_dynamic_sql(self, node: cst.Name) -> bool:
        """Is any assignment of this name, in its scope, SQL built from values?"""
        scope = self.scope_of(node)
        if scope is None:
            return False
        for assignment in scope[node.value]:
            target = getattr(assignment, "node", None)
            statement = self.parent(target) if target is not None else None
            if isinstance(statement, cst.AssignTarget):
                statement = self.parent(statement)
            value = getattr(statement, "value", None)
            if (
                isinstance(statement, cst.Assign | cst.AnnAssign)
                and value is not None
                and is_dynamic_string(value)
                and looks_like_sql(literal_text(value))
            ):
                return True
        return False

    def _style(self) -> str | None:
        used = self.context.facts.imported_roots()
        if used & {"sqlalchemy", "flask_sqlalchemy"}:
            return "named"
        if "sqlite3" in used:
            return "qmark"
        return None

    def _report_dynamic(
        self,
        node: cst.Call,
        sql_expr: cst.BaseExpression,
        inner_text: bool,
        is_text: bool,
        verdict: str = "tainted",
    ) -> None:
        message = "SQL text is built from values; bind them as parameters instead"
        # critical only with evidence: request data reaches the SQL
        severity = None if verdict in {"tainted", "identifier"} else "medium"
        if verdict == "identifier":
            self.report(
                node,
                "A table or column name in this SQL comes from the request; check it against "
                "a fixed list of names (identifiers cannot be bound)",
                at=_dynamic_part(sql_expr),
                severity=severity,
            )
            return
        style = "named" if inner_text else self._style()
        in_place = bind_in_place(sql_expr, style) if style else None
        if in_place is not None:
            new_sql, bound_params = in_place
        else:
            parts = segments(sql_expr)
            bound = bind(parts, style) if parts is not None and style else None
            new_sql = cst.SimpleString(py_string(bound.sql)) if bound else sql_expr
            bound_params = bound.params if bound else []
        if is_text or len(node.args) != 1 or not bound_params:
            self.report(node, message, at=_dynamic_part(sql_expr), severity=severity)
            return
        if style == "named":
            params = "{" + ", ".join(f'"{n}": {v}' for n, v in bound_params) + "}"
            imports = () if inner_text else (ImportRequest("sqlalchemy", "text"),)
        else:
            values = ", ".join(v for _, v in bound_params)
            params = f"({values}{',' if len(bound_params) == 1 else ''})"
            imports = ()
        params_expr = cst.parse_expression(params)

        def fix(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            arg = updated.args[0]
            if inner_text:  # execute(text(<sql>)): swap the SQL inside text(...)
                call = arg.value
                assert isinstance(call, cst.Call)
                first_value: cst.BaseExpression = call.with_changes(
                    args=[call.args[0].with_changes(value=new_sql)]
                )
            elif style == "named":
                first_value = cst.Call(cst.Name("text"), [cst.Arg(new_sql)])
            else:
                first_value = new_sql
            first = arg.with_changes(
                value=first_value,
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                whitespace_after_arg=cst.SimpleWhitespace(""),
            )
            # the old layout before the closing paren (often a newline) follows the params
            second = cst.Arg(params_expr, whitespace_after_arg=arg.whitespace_after_arg)
            return updated.with_changes(args=[first, second])

        self.report(
            node, message, fix=fix, imports=imports, at=_dynamic_part(sql_expr), severity=severity
        )


def _dynamic_part(node: cst.BaseExpression) -> cst.CSTNode:
    """The piece of a concatenated string that interpolates, for the reported line."""
    if isinstance(node, cst.ConcatenatedString):
        for side in (node.left, node.right):
            if is_dynamic_string(side):
                return _dynamic_part(side)  # type: ignore[arg-type]
    return node
