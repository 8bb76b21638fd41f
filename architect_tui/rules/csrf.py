"""FLK113: a form view left without CSRF protection in a project that uses Flask-WTF."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class MissingCsrf(Rule):
    id = "FLK113"
    title = "POST form view without CSRF protection"
    severity = "high"
    category = "security"
    rationale = (
        "The project protects forms with Flask-WTF, but this view accepts a POST without it: a "
        "page on another site can submit it with the visitor's session cookie. Remove "
        "@csrf.exempt (or validate a FlaskForm) and send the token from the form or the JS."
    )
    VALID = (
        Example(
            "from flask_wtf import CSRFProtect\ncsrf = CSRFProtect(app)\n"
            "@bp.route('/checkout', methods=['POST'])\ndef checkout():\n"
            "    return request.form['address']\n"
        ),
        Example(
            "from flask_wtf import FlaskForm\n"
            "@bp.route('/login', methods=['GET', 'POST'])\ndef login():\n"
            "    form = LoginForm()\n    if form.validate_on_submit():\n        pass\n"
        ),
    )
    INVALID = (
        Example(
            "from flask_wtf import CSRFProtect\ncsrf = CSRFProtect()\n"
            "@bp.route('/checkout', methods=['GET', 'POST'])\n@csrf.exempt\ndef checkout():\n"
            "    return request.form['address']\n"
        ),
        Example(
            "from flask import request\nfrom flask_wtf import FlaskForm\n"
            "@bp.post('/address')\ndef save_address():\n"
            "    return request.form['address']\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        facts = self.context.facts
        if info is None or not info.is_view or not facts.uses_flask_wtf:
            return
        if not set(info.methods) & UNSAFE:
            return
        for dec in node.decorators:
            name = dotted(dec.decorator) or ""
            if name.endswith(".exempt") and "csrf" in name.lower():
                self.report(node, f"{info.name} accepts POST but is exempted from CSRF", at=dec)
                return
        if facts.global_csrf:
            return
        body = code(node)
        reads_form = "request.form" in body or "request.values" in body
        uses_form = "validate_on_submit" in body or ".validate()" in body
        if reads_form and not uses_form:
            self.report(
                node,
                f"{info.name} reads request.form without a FlaskForm or CSRFProtect",
                at=node.decorators[0] if node.decorators else node,
            )
