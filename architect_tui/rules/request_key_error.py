"""FLK304: ``request.args[...]`` / ``request.form[...]`` / ``request.json[...]`` indexing."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, enclosing, walk
from architect_tui.rules.base import Example, ImportRequest, Rule
from architect_tui.rules.facts import dotted, string_value

MULTIDICTS = {"args", "form", "values", "files", "cookies", "headers"}
JSON = {"json"}


class RequestKeyError(Rule):
    id = "FLK304"
    title = "Missing request field indexed with [...]"
    severity = "medium"
    category = "errors"
    rationale = (
        "request.json['x'] raises a plain KeyError: a 500 for a client mistake. request.args['q'] "
        "raises BadRequestKeyError, a 400 on its own, but this project's catch-all "
        "errorhandler(Exception) turns it into a 500 too. Use .get() and answer a clear 400 "
        "naming the missing field."
    )
    _CATCH_ALL = "@app.errorhandler(Exception)\ndef oops(e):\n    return 'x', 500\n"
    VALID = (
        Example("from flask import request\ndef v():\n    q = request.args.get('q', '')\n"),
        Example("from flask import request\ndef v():\n    return request.form['title']\n"),
        Example("from flask import request\ndef v():\n    if 'q' in request.args:\n        pass\n"),
    )
    INVALID = (
        Example(
            "from flask import request\n@app.get('/search')\ndef search():\n"
            "    term = request.args['q']\n    return term\n" + _CATCH_ALL,
            expected=(
                "from flask import request\n@app.get('/search')\ndef search():\n"
                '    term = request.args.get("q")\n'
                "    if term is None:\n"
                "        return \"missing field 'q'\", 400\n"
                "    return term\n" + _CATCH_ALL
            ),
        ),
        # a helper outside a view: abort(400) would be swallowed by the catch-all, so the
        # rule says what to change and offers no fix
        Example(
            "from flask import request\ndef term():\n    q = request.args['q']\n"
            "    return q\n" + _CATCH_ALL
        ),
        # an alias of request data (redash/CTFd shape)
        Example(
            "from flask import request\ndef create():\n    req = request.get_json()\n"
            "    return req['type']\n"
        ),
        Example(
            "from flask import jsonify, request\ndef create():\n"
            "    name = request.get_json()['name']\n    return jsonify(name=name)\n",
            expected=(
                "from flask import jsonify, request\ndef create():\n"
                '    name = (request.get_json(silent=True) or {}).get("name")\n'
                "    if name is None:\n"
                "        return jsonify(error=\"missing field 'name'\"), 400\n"
                "    return jsonify(name=name)\n"
            ),
        ),
        Example(
            "from flask import request\ndef v():\n    return int(request.form['qty'])\n"
            + _CATCH_ALL
        ),
    )

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            return
        key = string_value(node.slice[0].slice.value)
        fn = self.function_at(node)
        source = self._source(node.value)
        alias = None
        if source is None and isinstance(node.value, cst.Name) and fn is not None:
            source = self._alias_source(node.value.value, fn.node)  # req = request.get_json()
            alias = node.value.value
        if key is None or source is None or self._is_store(node):
            return
        if source != "json" and not self.context.facts.catch_all_swallows:
            return  # Flask answers a missing form/query field with a 400 by itself
        statement = self.parent(self.parent(node))
        assign = self.parent(node)
        fix = None
        imports: tuple[ImportRequest, ...] = ()
        swallowed = self.context.facts.catch_all_swallows
        if (
            fn is not None
            and alias is None
            and (fn.is_view or not swallowed)  # abort() in a helper would become a 500
            and isinstance(assign, cst.Assign)
            and assign.value is node
            and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)
            and isinstance(statement, cst.SimpleStatementLine)
            and len(statement.body) == 1
        ):
            target = assign.targets[0].target.value
            getter = (
                f"(request.get_json(silent=True) or {{}}).get({key!r})".replace("'", '"')
                if source == "json"
                else f"{code(node.value)}.get({key!r})".replace("'", '"')
            )
            json_view = "jsonify" in code(fn.node)
            message = f"missing field {key!r}"
            if json_view:
                failure = f'return jsonify(error="{message}"), 400'
            elif fn.is_view:
                # answered here, not with abort(): a catch-all errorhandler(Exception) would
                # turn the abort into a 500 again
                failure = f'return "{message}", 400'
            else:
                failure = f'abort(400, description="{message}")'
            imports = (ImportRequest("flask", "abort"),) if failure.startswith("abort") else ()
            new_statements = [
                cst.parse_statement(f"{target} = {getter}\n"),
                cst.parse_statement(f"if {target} is None:\n    {failure}\n"),
            ]

            def fix(updated: cst.CSTNode) -> cst.FlattenSentinel[cst.BaseStatement]:
                first = new_statements[0].with_changes(
                    leading_lines=updated.leading_lines  # type: ignore[attr-defined]
                )
                return cst.FlattenSentinel([first, new_statements[1]])

        where = alias or f"request.{source}"
        self.report(
            statement if fix is not None else node,  # type: ignore[arg-type]
            f"{where}[{key!r}] fails with an unhelpful error when the field is missing; "
            "use .get() and answer 400",
            fix=fix,
            imports=imports,
            at=node,
        )

    def _source(self, value: cst.BaseExpression) -> str | None:
        if isinstance(value, cst.Call):
            name = self.context.file.resolve(dotted(value.func))
            return "json" if name == "flask.request.get_json" else None
        name = self.context.file.resolve(dotted(value)) or ""
        head, _, attr = name.rpartition(".")
        if head == "flask.request" and attr in MULTIDICTS | JSON:
            return attr
        return None

    def _alias_source(self, name: str, fn: cst.FunctionDef) -> str | None:
        """The request data a local name holds: ``req = request.get_json()``."""
        for sub in walk(fn.body):
            if (
                isinstance(sub, cst.Assign)
                and len(sub.targets) == 1
                and dotted(sub.targets[0].target) == name
            ):
                value = sub.value
                if isinstance(value, cst.BooleanOperation):  # request.get_json() or {}
                    value = value.left
                found = self._source(value)
                if found is not None:
                    return found
        return None

    def _is_store(self, node: cst.Subscript) -> bool:
        parent = self.parent(node)
        if isinstance(parent, cst.AssignTarget | cst.Del):
            return True
        return enclosing(node, self.parent, (cst.Try,)) is not None and "KeyError" in code(
            enclosing(node, self.parent, (cst.Try,))  # type: ignore[arg-type]
        )
