"""FLK101: the Werkzeug debugger left on."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules.base import Example, ImportRequest, Rule, RuleContext
from architect_tui.rules.facts import dotted, string_value

_ENV_DEBUG = 'os.environ.get("FLASK_DEBUG") == "1"'
_DEV_CLASS = re.compile(r"(dev|test|local|debug)", re.IGNORECASE)


def _true(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "True"


def _from_env(_node: cst.CSTNode) -> cst.CSTNode:
    return cst.parse_expression(_ENV_DEBUG)


class DebugMode(Rule):
    id = "FLK101"
    title = "Debug mode is switched on in code"
    severity = "high"
    category = "security"
    rationale = (
        "With debug on, any error page is the Werkzeug debugger: a Python console in the "
        "browser, that is remote code execution for whoever reaches it. Read the flag from the "
        "environment (FLASK_DEBUG) so production can never inherit it from the code."
    )
    VALID = (
        Example("app.run()\n"),
        Example('app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n'),
        Example("class DevelopmentConfig:\n    DEBUG = True\n", path="config.py"),
        Example("DEBUG = False\n", path="config.py"),
    )
    INVALID = (
        Example(
            "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n",
            expected=(
                "from flask import Flask\nimport os\n\napp = Flask(__name__)\n"
                'app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n'
            ),
        ),
        Example(
            "DEBUG = True\n",
            expected='import os\n\nDEBUG = os.environ.get("FLASK_DEBUG") == "1"\n',
            path="config.py",
        ),
        Example(
            "class ProductionConfig:\n    DEBUG = True\n",
            expected=(
                "import os\n\nclass ProductionConfig:\n"
                '    DEBUG = os.environ.get("FLASK_DEBUG") == "1"\n'
            ),
            path="config.py",
        ),
        Example(
            'app.config["DEBUG"] = True\n',
            expected='import os\n\napp.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"\n',
        ),
        Example(
            "app.config.update(DEBUG=True)\n",
            expected='import os\n\napp.config.update(DEBUG=os.environ.get("FLASK_DEBUG") == "1")\n',
        ),
    )

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.classes: list[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        last = name.rpartition(".")[2]
        if last not in {"run", "update", "from_mapping"}:
            return
        wanted = "debug" if last == "run" else "DEBUG"
        for arg in node.args:
            if arg.keyword and arg.keyword.value == wanted and _true(arg.value):
                self.report(
                    arg,
                    f"{name}({wanted}=True) turns on the interactive debugger",
                    fix=lambda a: a.with_changes(value=_from_env(a)),  # type: ignore[attr-defined]
                    imports=(ImportRequest("os"),),
                )

    def visit_Assign(self, node: cst.Assign) -> None:
        if not _true(node.value) or len(node.targets) != 1:
            return
        target = node.targets[0].target
        name = dotted(target)
        is_debug = name is not None and (name == "DEBUG" or name.endswith(".debug"))
        if isinstance(target, cst.Subscript) and len(target.slice) == 1:
            index = target.slice[0].slice
            is_debug = isinstance(index, cst.Index) and string_value(index.value) == "DEBUG"
        if not is_debug or any(_DEV_CLASS.search(c) for c in self.classes):
            return
        self.report(
            node,
            "DEBUG = True in code turns on the interactive debugger wherever this config is used",
            fix=lambda a: a.with_changes(value=_from_env(a)),  # type: ignore[attr-defined]
            imports=(ImportRequest("os"),),
        )
