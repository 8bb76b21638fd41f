"""FLK115: a signed-in view loads a user-owned record by id without checking the owner."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, source_text, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted
from architect_tui.rules.missing_auth import url_vars

OWNER = re.compile(r"(g\.user|current_user|session\[.user_id.\]|session\.get\(.user_id.\))")
LOADERS = {"get_or_404", "get", "first_or_404", "filter_by", "one_or_404"}


class InsecureDirectObjectReference(Rule):
    id = "FLK115"
    title = "Record loaded by id without an ownership check"
    severity = "high"
    category = "security"
    rationale = (
        "The id in the URL is chosen by the client; loading the record without comparing its "
        "owner to the signed-in user shows (or changes) other customers' data by counting ids. "
        "Query with the owner, or answer 404 when the record is not theirs."
    )
    _MODEL = "class Order(db.Model):\n    user_id = db.Column(db.Integer)\n"
    VALID = (
        Example(
            _MODEL + "@bp.get('/<int:order_id>')\n@login_required\ndef detail(order_id):\n"
            "    order = Order.query.filter_by(id=order_id, user_id=g.user.id).first_or_404()\n"
        ),
    )
    INVALID = (
        Example(
            _MODEL + "@bp.get('/<int:order_id>')\n@login_required\ndef detail(order_id):\n"
            "    order = db.get_or_404(Order, order_id)\n"
            "    return render_template('order.html', order=order)\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or info.class_name is not None:
            return
        ids = url_vars(info)
        if not ids:
            return
        siblings = self.context.facts.views_of(info.blueprint) or [info]
        if not any("login" in d.lower() for s in [info, *siblings] for d in s.auth_decorators):
            return
        body = source_text(node.body)
        if OWNER.search(body):
            return
        owned = self.context.facts.owned_models
        for sub in walk(node.body):
            if not isinstance(sub, cst.Call):
                continue
            last = (dotted(sub.func) or "").rpartition(".")[2]
            text = code(sub)
            if last in LOADERS and any(m in text for m in owned) and any(i in text for i in ids):
                self.report(
                    sub, f"{info.name} loads a user-owned record by id without checking its owner"
                )
                return
