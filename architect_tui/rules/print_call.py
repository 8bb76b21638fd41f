"""FLK303: ``print()`` in request code."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, ImportRequest, Rule


class PrintInRequest(Rule):
    id = "FLK303"
    title = "print() in request code"
    severity = "low"
    category = "errors"
    rationale = (
        "print() writes to stdout with no level, no request context and no way to filter it; "
        "under gunicorn it may be buffered or lost, and it tends to leak personal data. Use "
        "current_app.logger (and log ids, not e-mails)."
    )
    VALID = (
        Example("from flask import current_app\ndef view():\n    current_app.logger.info('hi')\n"),
        Example("def main():\n    print('usage: ...')\n"),
        # a Flask CLI command and a Celery task print to their console on purpose
        Example(
            "from flask import current_app\n@app.cli.command('seed')\ndef seed():\n"
            "    print('seeding', current_app.config['SQLALCHEMY_DATABASE_URI'])\n"
            "@celery.task\ndef nightly():\n    from flask import g\n    print('run', g)\n"
        ),
        Example("from flask import request\ndef view():\n    print(request.path)  # noqa: T201\n"),
    )
    INVALID = (
        Example(
            "from flask import request\ndef view():\n    print(f'login {request.form}')\n",
            expected=(
                "from flask import current_app, request\n"
                "def view():\n    current_app.logger.info(f'login {request.form}')\n"
            ),
        ),
        Example(
            "from flask import g, current_app\ndef view():\n    print('checkout', g.user.email)\n",
            expected=(
                "from flask import g, current_app\n"
                "def view():\n    current_app.logger.info(\"%s %s\", 'checkout', g.user.email)\n"
            ),
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not (isinstance(func, cst.Name) and func.value == "print") or not self.in_request_code(node):
            return
        fixable = node.args and all(a.keyword is None and not a.star for a in node.args)
        args = [a.value for a in node.args]

        def fix(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            values = [a.value for a in updated.args]
            new_args = [cst.Arg(v) for v in values]
            if len(values) > 1:
                fmt = cst.SimpleString('"' + " ".join(["%s"] * len(values)) + '"')
                new_args = [cst.Arg(fmt), *new_args]
            return updated.with_changes(
                func=cst.parse_expression("current_app.logger.info"), args=new_args
            )

        self.report(
            node,
            "print() in request code; log with current_app.logger",
            fix=fix if fixable and args else None,
            imports=(ImportRequest("flask", "current_app"),),
        )
