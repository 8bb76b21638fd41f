"""FLK106: redirecting to a URL taken from the request."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, is_tainted, source_text, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import FunctionInfo, dotted, string_value

NAMES = {"flask.redirect", "werkzeug.utils.redirect"}
CHECKS = ("urlparse", "urlsplit", "url_parse", "is_safe_url", "url_has_allowed_host", "netloc")
# Project functions that vet a redirect target (redash get_next_path, CTFd is_safe_url, ...).
SANITISER = re.compile(
    r"(safe_?(url|next|redirect|target)|is_local|local_url|next_path|validate_?(url|next|redirect)"
    r"|sanitiz\w*_?(url|next|redirect)|allowed_?(url|host)|check_?(url|next))",
    re.IGNORECASE,
)


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
        # redash: the project's own sanitiser
        Example(
            "from flask import redirect, request\n"
            "def login():\n"
            '    next_path = get_next_path(request.args.get("next", ""))\n'
            "    return redirect(next_path)\n"
        ),
        # CTFd: checked with is_safe_url before use
        Example(
            "from flask import redirect, request, url_for\n"
            "def login():\n"
            '    target = request.args.get("next")\n'
            "    if target and is_safe_url(target):\n"
            "        return redirect(target)\n"
            '    return redirect(url_for("challenges.listing"))\n'
        ),
        # url_for() kept in a variable, with request values as its arguments
        Example(
            "from flask import redirect, request, url_for\n"
            "def go():\n"
            '    url = url_for("topic.view", topic_id=request.form["topic"])\n'
            "    return redirect(url)\n"
        ),
        # a parameter shadows the import: not flask.redirect (the scope analysis decides)
        Example(
            "from flask import redirect, request\n"
            "def go(redirect):\n"
            '    return redirect(request.args["next"])\n'
        ),
        # a fixed local prefix
        Example(
            "from flask import redirect, request\n"
            "def tab():\n"
            '    return redirect("/settings/" + request.args.get("tab", "profile"))\n'
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
        # a "/" prefix alone does not keep the target local: "//evil.example"
        Example(
            "from flask import redirect, request\n"
            "def back():\n"
            "    return redirect(f\"/{request.args.get('to', '')}\")\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, NAMES) & NAMES) or not node.args:
            return
        fn = self.function_at(node)
        target = node.args[0].value
        if _safe(target, fn, 0) or not is_tainted(target, fn, self.context.file):
            return
        if fn is not None and (
            fn.class_name is not None
            or any(c in code(fn.node) for c in CHECKS)
            or SANITISER.search(source_text(fn.node.body))
        ):
            return  # the view validates the target before using it
        self.report(
            node,
            "redirect() target comes from the request; allow local paths only",
            severity="medium",
        )


def _safe(expr: cst.BaseExpression, fn: FunctionInfo | None, depth: int) -> bool:
    """A target that cannot leave the site: ``url_for()``, a project sanitiser's result, a
    string starting with a fixed local prefix (``"/account/" + tab``), or a name only ever
    bound to one of those."""
    if depth > 4:
        return False
    if isinstance(expr, cst.Call):
        name = (dotted(expr.func) or "").rpartition(".")[2]
        return name == "url_for" or bool(SANITISER.search(name))
    if isinstance(expr, cst.SimpleString | cst.ConcatenatedString):
        return True
    if isinstance(expr, cst.FormattedString | cst.BinaryOperation) or (
        isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute)
    ):
        return _local_prefix(literal_prefix(expr))
    if isinstance(expr, cst.BooleanOperation):
        return _safe(expr.left, fn, depth + 1) and _safe(expr.right, fn, depth + 1)
    if isinstance(expr, cst.IfExp):
        return _safe(expr.body, fn, depth + 1) and _safe(expr.orelse, fn, depth + 1)
    if isinstance(expr, cst.Name) and fn is not None:
        values = [
            sub.value
            for sub in walk(fn.node.body)
            if isinstance(sub, cst.Assign)
            and any(dotted(t.target) == expr.value for t in sub.targets)
        ]
        return bool(values) and all(_safe(v, fn, depth + 1) for v in values)
    return False


def literal_prefix(expr: cst.BaseExpression) -> str:
    """The fixed text a built string starts with ("" when it starts with a value)."""
    if isinstance(expr, cst.FormattedString):
        first = expr.parts[0] if expr.parts else None
        return first.value if isinstance(first, cst.FormattedStringText) else ""
    if isinstance(expr, cst.BinaryOperation):
        return (
            literal_prefix(expr.left)
            if not isinstance(expr.left, cst.SimpleString)
            else (string_value(expr.left) or "")
        )
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
        return string_value(expr.func.value) or ""  # "/x/{}".format(...)
    return string_value(expr) or ""


def _local_prefix(prefix: str) -> bool:
    """ "/account/..." stays on this site; "/" + value may become "//evil.example"."""
    return len(prefix) >= 2 and prefix[0] == "/" and prefix[1] not in "/\\"
