"""FLK105: ``render_template_string`` with a template built at run time."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import is_dynamic_string, is_tainted
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import string_value

NAMES = {"flask.render_template_string", "flask.templating.render_template_string"}


class TemplateInjection(Rule):
    id = "FLK105"
    title = "Template source built from data (server-side template injection)"
    severity = "critical"
    category = "security"
    rationale = (
        "render_template_string compiles its argument as Jinja source. Anything pasted into it "
        "(a path, a name, a query) is template code: '{{ config }}' prints the SECRET_KEY and "
        "other payloads run Python. Keep the template constant and pass data as variables."
    )
    VALID = (
        Example(
            "from flask import render_template_string\n"
            "def hello(name):\n"
            '    return render_template_string("<p>Hi {{ name }}</p>", name=name)\n'
        ),
        # CTFd plugins: a template read from the plugin's own folder
        Example(
            "import os\nfrom flask import render_template_string\n"
            "HERE = os.path.dirname(__file__)\n"
            "def config_page():\n"
            "    with open(os.path.join(HERE, 'assets', 'config.html')) as fh:\n"
            "        template = fh.read()\n"
            "    return render_template_string(template)\n"
        ),
    )
    INVALID = (
        Example(
            "from flask import render_template_string, request\n"
            "def missing():\n"
            '    return render_template_string(f"<p>No page at {request.path}</p>"), 404\n'
        ),
        Example(
            "from flask import render_template_string\n"
            "def page(body):\n"
            '    return render_template_string("<div>" + body + "</div>")\n'
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, NAMES) & NAMES) or not node.args:
            return
        first = node.args[0].value
        if string_value(first) is not None or node.args[0].keyword is not None:
            return
        tainted = is_tainted(first, self.function_at(node), self.context.file)
        if not tainted and not is_dynamic_string(first):
            return  # a template read from the project's own files (a plugin's directory)
        self.report(
            node,
            "render_template_string gets template source built at run time; render a constant "
            "template (or render_template) and pass values as variables",
            at=first,
            # critical with evidence (request data in the template source); else a risk
            severity=None if tainted else "medium",
        )
