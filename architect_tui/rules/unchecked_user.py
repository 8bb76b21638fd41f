"""FLK305: ``g.user.<attr>`` read where the visitor may be anonymous."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import source_text
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted

_CHECK = re.compile(
    r"(g\.user\s+is\s+(not\s+)?None|not\s+g\.user\b(?!\.)|if\s+g\.user\b(?!\.)|g\.get\()"
)


class UncheckedAnonymousUser(Rule):
    id = "FLK305"
    title = "g.user used without checking for an anonymous visitor"
    severity = "medium"
    category = "errors"
    rationale = (
        "g.user is None for a visitor who is not signed in; reading g.user.is_admin then raises "
        "AttributeError: a 500 instead of a redirect to the sign-in page or a 403. Check for "
        "None first, or put the view behind the login decorator."
    )
    VALID = (
        Example(
            "from flask import g, abort\n@bp.before_request\ndef guard():\n"
            "    if g.user is None or not g.user.is_admin:\n        abort(403)\n"
        ),
        Example(
            "from flask import g\n@bp.get('/me')\n@login_required\ndef me():\n    return g.user.name\n"
        ),
    )
    INVALID = (
        Example(
            "from flask import g, abort\n@bp.before_request\ndef guard():\n"
            "    if not g.user.is_admin:\n        abort(403)\n"
        ),
    )

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if self.context.file.resolve(dotted(node.value)) != "flask.g.user":
            return
        fn = self.function_at(node)
        if fn is None or not (fn.is_view or fn.is_hook) or fn.auth_decorators:
            return
        if _CHECK.search(source_text(fn.node.body)):
            return
        self.report(
            node, f"g.user.{node.attr.value} fails with AttributeError for anonymous visitors"
        )
