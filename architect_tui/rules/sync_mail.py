"""FLK504: e-mail sent synchronously from code that runs in a request."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted


class SynchronousMail(Rule):
    id = "FLK504"
    title = "E-mail sent synchronously in the request path"
    severity = "low"
    category = "structure"
    rationale = (
        "Talking SMTP inside a request ties the response time (and success) to the mail "
        "server: a slow MTA stalls checkout for its whole timeout. Queue the mail (a task run "
        "after commit) and answer at once."
    )
    VALID = (
        Example("def send(msg):\n    import smtplib\n    smtplib.SMTP('x').send_message(msg)\n"),
    )
    INVALID = (
        Example(
            "import smtplib\ndef send_confirmation(msg):\n    smtplib.SMTP('x').send_message(msg)\n"
            "def place_order(order):\n    save(order)\n    send_confirmation(order)\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = (dotted(node.func) or "").rpartition(".")[2]
        fn = self.function_at(node)
        if fn is None or name == fn.name or name not in self.context.facts.mail_functions:
            return
        if name in {"send_message", "sendmail", "send"}:
            return
        self.report(node, f"{name}() sends e-mail synchronously; queue it instead")
