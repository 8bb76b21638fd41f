"""FLK402: a GET endpoint that changes state."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, source_text, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import WRITES, dotted

AUDIT = re.compile(r"(log|audit|track|record|touch|count|hit|visit|seen|metric|event)", re.I)
COUNTER = re.compile(r"(views?|view_count|hits|visits|\w*count|counter|last_\w+)$", re.I)


class StateChangeOnGet(Rule):
    id = "FLK402"
    title = "State change on GET"
    severity = "medium"
    category = "rest"
    rationale = (
        "GET must be safe: link prefetchers, crawlers and a cross-site <img> follow GET links "
        "freely, and CSRF protection does not cover GET. Changes belong behind POST (or PUT/"
        "PATCH/DELETE) with a form carrying the CSRF token."
    )
    VALID = (
        Example("@bp.post('/o/<int:i>/cancel')\ndef cancel(i):\n    db.session.commit()\n"),
        Example("@bp.get('/o')\ndef orders():\n    return Order.query.all()\n"),
        # redash/CTFd shape: a read that calls .get() while some other ``get`` commits
        Example(
            "from flask import request\n"
            "class Thing:\n    def get(self):\n        db.session.commit()\n"
            "@bp.get('/search')\ndef search():\n"
            "    q = request.args.get('q', '')\n    return Thing.query.filter_by(q=q).all()\n"
        ),
        # a page-view counter and an audit row on a read (flaskbb topic views, lemur audit log)
        Example(
            "@bp.get('/t/<int:i>')\ndef topic(i):\n    t = Topic.query.get_or_404(i)\n"
            "    t.views += 1\n    db.session.commit()\n    return render(t)\n"
        ),
        Example(
            "def log_access(user, what):\n    db.session.add(AuditLog(user=user, what=what))\n"
            "    db.session.commit()\n"
            "@bp.get('/certs/<int:i>')\ndef cert(i):\n    log_access(g.user, i)\n"
            "    return Cert.query.get(i)\n"
        ),
    )
    INVALID = (
        Example(
            "@bp.route('/o/<int:i>/cancel', methods=['GET', 'POST'])\ndef cancel(i):\n"
            "    order = db.get_or_404(Order, i)\n    order.status = 'cancelled'\n    db.session.commit()\n"
        ),
        Example(
            "def cancel_order(order):\n    order.status = 'x'\n    db.session.commit()\n"
            "@bp.get('/o/<int:i>/cancel')\ndef cancel(i):\n    cancel_order(Order.query.get(i))\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        info = self.context.file.functions.get(node)
        if info is None or not info.is_view or "GET" not in info.methods:
            return
        body = source_text(node.body)
        if "request.method" in body or "validate_on_submit" in body:
            return  # the write is gated on the POST branch
        file = self.context.file
        # Writers are matched by what the call resolves to (module.function), never by a bare
        # name: ``request.args.get()`` is not a write because some ``get`` somewhere commits.
        writers = self.context.facts.writer_functions - {info.qualified}
        for sub in walk(node.body):
            if not isinstance(sub, cst.Call):
                continue
            callee = dotted(sub.func) or ""
            direct = WRITES.search(code(sub.func) + "(")
            helper = not direct and file.resolve(callee) in writers
            if helper and AUDIT.search(callee.rpartition(".")[2]):
                continue  # an audit log or a hit counter: bookkeeping, not the resource
            if direct and _bookkeeping_only(node.body):
                continue
            if direct or helper:
                self.report(
                    node,
                    f"{info.name} answers GET but changes data ({callee}); accept POST only",
                    at=node.decorators[0] if node.decorators else node,
                )
                return


def _bookkeeping_only(body: cst.CSTNode) -> bool:
    """Every change the view makes is a counter, a last-seen time or an added log row."""
    changes: list[bool] = []
    for sub in walk(body):
        if isinstance(sub, cst.AugAssign):
            changes.append(True)
        elif isinstance(sub, cst.Assign):
            for t in sub.targets:
                if isinstance(t.target, cst.Attribute):
                    changes.append(bool(COUNTER.search(t.target.attr.value)))
        elif isinstance(sub, cst.Call):
            name = dotted(sub.func) or ""
            if name.endswith(("session.add", "session.delete", "session.merge")) and sub.args:
                added = sub.args[0].value
                ctor = dotted(added.func) if isinstance(added, cst.Call) else None
                changes.append(bool(ctor and AUDIT.search(ctor)) and name.endswith(".add"))
    return bool(changes) and all(changes)
