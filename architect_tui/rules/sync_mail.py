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
        # microblog's send_email: the SMTP talk runs in a thread
        Example(
            "from threading import Thread\n"
            "def send_async_email(app, msg):\n    with app.app_context():\n        mail.send(msg)\n"
            "def send_email(subject, recipients):\n    msg = Message(subject)\n"
            "    Thread(target=send_async_email, args=(app, msg)).start()\n"
            "@bp.post('/reset')\ndef reset():\n    send_email('reset', [g.user.email])\n"
        ),
        # a CLI command and a Celery task send mail synchronously on purpose
        Example(
            "import smtplib\ndef send_digest(msg):\n    smtplib.SMTP('x').send_message(msg)\n"
            "@app.cli.command()\ndef digest():\n    send_digest('x')\n"
            "@celery.task\ndef notify():\n    send_digest('y')\n"
        ),
    )
    INVALID = (
        Example(
            "import smtplib\ndef send_confirmation(msg):\n    smtplib.SMTP('x').send_message(msg)\n"
            "def place_order(order):\n    save(order)\n    send_confirmation(order)\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        callee = dotted(node.func) or ""
        name = callee.rpartition(".")[2]
        fn = self.function_at(node)
        if fn is None or name == fn.name or name in {"send_message", "sendmail", "send"}:
            return
        if self.context.file.resolve(callee) not in self.context.facts.mail_functions:
            return
        if self.off_request_path(node):
            return  # a CLI command, a task or a script may take its time
        self.report(node, f"{name}() sends e-mail synchronously; queue it instead")
