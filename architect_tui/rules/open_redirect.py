"""FLK106: redirecting to a URL taken from the request."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, is_tainted
from architect_tui.rules.base import Example, Rule

NAMES = {"flask.redirect", "werkzeug.utils.redirect"}
CHECKS = ("urlparse", "urlsplit", "url_parse", "is_safe_url", "url_has_allowed_host", "netloc")


class OpenRedirect(Rule):
    id = "FLK106"
    title = "Open redirect from request data"
    severity = "medium"
    category = "security"
    rationale = (
        "A redirect target read from ?next= or a form lets anyone craft a link to your site that "
        "lands the user, freshly signed in, on a look-alike page. Accept only local paths "
        "(no scheme, no netloc, a single leading slash) and fall back to a known page."
    )
    VALID = (
        Example(
            "from flask import redirect, request, url_for\n"
            "from urllib.parse import urlsplit\n"
            "def login():\n"
            '    target = request.args.get("next", "")\n'
            '    if urlsplit(target).netloc or not target.startswith("/"):\n'
            '        target = url_for("index")\n'
            "    return redirect(target)\n"
        ),
        Example(
            'from flask import redirect, url_for\ndef go():\n    return redirect(url_for("index"))\n'
        ),
    )
    INVALID = (
        Example(
            "from flask import redirect, request, url_for\n"
            "def login():\n"
            '    return redirect(request.args.get("next") or url_for("index"))\n'
        ),
        Example(
            "from flask import redirect, request\n"
            "def back():\n"
            '    target = request.form["return_to"]\n'
            "    return redirect(target)\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, NAMES) & NAMES) or not node.args:
            return
        fn = self.function_at(node)
        target = node.args[0].value
        if isinstance(target, cst.Call) and code(target.func).endswith("url_for"):
            return  # url_for builds a local URL whatever its arguments
        if not is_tainted(target, fn, self.context.file):
            return
        if (
            fn is not None and fn.class_name is None and not any(c in code(fn.node) for c in CHECKS)
        ) or fn is None:
            self.report(node, "redirect() target comes from the request; allow local paths only")
