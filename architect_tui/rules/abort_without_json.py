"""FLK405: ``abort(code)`` in a plain view of an API blueprint."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, Rule

NAMES = {"flask.abort", "werkzeug.exceptions.abort"}


class AbortWithoutJson(Rule):
    id = "FLK405"
    title = "abort() in an API view answers an HTML page"
    severity = "low"
    category = "rest"  # the API's error contract: partners parse JSON, not the HTML page
    # HTML -> JSON error bodies change what clients receive: a suggestion
    fix_kind = "suggestion"
    rationale = (
        "flask.abort raises an HTTPException that the app renders as HTML (or as its HTML error "
        "page): API clients expecting JSON get markup. Return jsonify(message=...), code, or "
        "use the API framework's abort (ns.abort, flask_restful.abort)."
    )
    _BP = "from flask import Blueprint, abort, jsonify\napi = Blueprint('api', __name__, url_prefix='/api/v1')\n"
    VALID = (
        Example(_BP + "@api.get('/o/<int:i>')\ndef o(i):\n    return jsonify(error='nope'), 404\n"),
        Example(
            "from flask import Blueprint, abort\nbp = Blueprint('shop', __name__)\n"
            "@bp.get('/o/<int:i>')\ndef o(i):\n    abort(404)\n"
        ),
    )
    INVALID = (Example(_BP + "@api.get('/o/<int:i>')\ndef o(i):\n    abort(404)\n"),)

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, NAMES) & NAMES):
            return
        fn = self.function_at(node)
        if fn is None or not fn.is_view or fn.class_name is not None:
            return
        decl = self.context.facts.blueprint(fn.blueprint)
        api = decl is not None and "api" in f"{decl.name} {decl.url_prefix}".lower()
        if api:
            self.report(node, "abort() in an API blueprint answers HTML; return a JSON error body")
