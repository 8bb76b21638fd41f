"""FLK502: the app object built at import time in a multi-module project."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, Rule

FLASK = {"flask.Flask", "flask.app.Flask"}


class AppAtImportTime(Rule):
    id = "FLK502"
    title = "App built at import time instead of in a factory"
    severity = "low"
    category = "structure"
    rationale = (
        "A module-level app is configured once, when first imported: tests cannot build one per "
        "config, and blueprints importing it create import cycles. A create_app() factory "
        "builds a fresh, configured app on demand."
    )
    VALID = (
        Example(
            "from flask import Flask\ndef create_app():\n    app = Flask(__name__)\n    return app\n"
        ),
        Example("from flask import Flask\napp = Flask(__name__)\n@app.get('/')\ndef i(): ...\n"),
    )
    INVALID = (
        Example(
            "",
            path="shop/__init__.py",
            files={
                "shop/__init__.py": "from flask import Flask\napp = Flask(__name__)\n",
                "shop/views.py": "from flask import Blueprint\nbp = Blueprint('v', __name__)\n",
                "shop/models.py": "X = 1\n",
            },
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        facts = self.context.facts
        if "flask.Flask" not in self.qnames(node, FLASK) or facts.has_factory:
            return
        if self.function_at(node) is not None or len(facts.files) < 3:
            return
        if not facts.blueprints():
            return
        self.report(node, "App object built at import time; use a create_app() factory")
