"""FLK302: a JSON API without 404/500 handlers."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, Rule

FLASK = {"flask.Flask", "flask.app.Flask"}

COVERS_404 = {"404", "NotFound", "HTTPException", "Exception"}
COVERS_500 = {"500", "InternalServerError", "HTTPException", "Exception"}


class MissingErrorHandlers(Rule):
    id = "FLK302"
    title = "JSON API without 404/500 error handlers"
    severity = "medium"
    category = "errors"
    rationale = (
        "Without error handlers a JSON client gets Flask's HTML error pages: its parser fails "
        "on the one answer it most needs to understand. Register handlers for 404 and 500 "
        "(or HTTPException) that answer JSON."
    )
    VALID = (
        Example(
            "from flask import Flask, jsonify\napp = Flask(__name__)\n"
            "@app.errorhandler(HTTPException)\ndef err(e):\n    return jsonify(error=e.name), e.code\n"
            "@app.get('/x')\ndef x():\n    return jsonify(ok=True)\n"
        ),
        Example(
            "from flask import Flask\napp = Flask(__name__)\n@app.get('/')\ndef i():\n    return 'hi'\n"
        ),
    )
    INVALID = (
        Example(
            "from flask import Flask, jsonify\napp = Flask(__name__)\n"
            "@app.get('/x')\ndef x():\n    return jsonify(ok=True)\n"
            "@app.get('/y')\ndef y():\n    return jsonify(ok=False)\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if "flask.Flask" not in self.qnames(node, FLASK) or not self.context.facts.json_api:
            return
        handlers = self.context.facts.error_handlers
        missing = [
            code
            for code, covers in (("404", COVERS_404), ("500", COVERS_500))
            if not handlers & covers
        ]
        if missing:
            self.report(
                node,
                f"JSON API without a {'/'.join(missing)} handler: clients get HTML error pages",
            )
