"""FLK306: an ``errorhandler(Exception)`` that also turns HTTP errors into 500s."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, source_text
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted


class CatchAllHandler(Rule):
    id = "FLK306"
    title = "Catch-all error handler swallows HTTP errors"
    severity = "high"
    category = "errors"
    rationale = (
        "A handler for Exception also receives every HTTPException (400, 401, 403, 404, 405): "
        "answering 500 to all of them hides client errors as server failures and breaks auth "
        "flows. Return HTTP exceptions untouched, or register for InternalServerError."
    )
    VALID = (
        Example(
            "from werkzeug.exceptions import HTTPException\n@app.errorhandler(Exception)\n"
            "def oops(e):\n    if isinstance(e, HTTPException):\n        return e\n    return 'x', 500\n"
        ),
        Example("@app.errorhandler(500)\ndef oops(e):\n    return 'x', 500\n"),
        # lemur/redash: a sibling handler for HTTPException takes the 4xx
        Example(
            "from werkzeug.exceptions import HTTPException\n"
            "@app.errorhandler(HTTPException)\ndef http_error(e):\n    return e\n"
            "@app.errorhandler(Exception)\ndef oops(e):\n    return 'x', 500\n"
        ),
    )
    INVALID = (Example("@app.errorhandler(Exception)\ndef oops(e):\n    return 'x', 500\n"),)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        for dec in node.decorators:
            call = dec.decorator
            if not isinstance(call, cst.Call) or not call.args:
                continue
            name = (dotted(call.func) or "").rpartition(".")[2]
            catch_all = code(call.args[0].value) in {"Exception", "BaseException"}
            handler = name in {"errorhandler", "app_errorhandler"}
            # Flask picks the most specific handler: a sibling errorhandler(HTTPException)
            # receives the HTTP errors, and this one only the rest
            sibling = "HTTPException" in self.context.facts.error_handlers
            if handler and catch_all and not sibling and "HTTPException" not in source_text(node.body):
                self.report(
                    node,
                    "errorhandler(Exception) also catches HTTPException: 4xx become 500",
                    at=dec,
                )
