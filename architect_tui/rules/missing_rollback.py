"""FLK204: a session write whose failure is not rolled back."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, enclosing, walk
from architect_tui.rules.base import Example, Rule
from architect_tui.rules.facts import dotted

DB_ERRORS = {
    "Exception",
    "BaseException",
    "IntegrityError",
    "SQLAlchemyError",
    "DBAPIError",
    "OperationalError",
    "DatabaseError",
    "InvalidRequestError",
    "StatementError",
}


class MissingRollback(Rule):
    id = "FLK204"
    title = "Failed commit is not rolled back"
    severity = "medium"
    category = "database"
    rationale = (
        "After a failed flush or commit the SQLAlchemy session is unusable until rolled back: "
        "the next query in the request raises PendingRollbackError and turns a handled error "
        "(a duplicate e-mail) into a 500. Call db.session.rollback() in the except."
    )
    VALID = (
        Example(
            "def register(user):\n    db.session.add(user)\n    try:\n        db.session.commit()\n"
            "    except IntegrityError:\n        db.session.rollback()\n        raise\n"
        ),
        # the request ends with a 400: Flask-SQLAlchemy removes the session at teardown
        Example(
            "def create():\n    db.session.add(Tag(name=n))\n    try:\n        db.session.commit()\n"
            "    except IntegrityError:\n        abort(400, 'tag exists')\n"
        ),
        # the except only catches a JSON error raised by the parsing in the same try
        Example(
            "def create():\n    try:\n        data = json.loads(request.data)\n"
            "        db.session.add(Tag(**data))\n        db.session.commit()\n"
            "    except json.JSONDecodeError:\n        return {'error': 'bad json'}, 400\n"
        ),
        # a CLI command exits
        Example(
            "@app.cli.command()\ndef create_admin():\n    db.session.add(User(admin=True))\n"
            "    try:\n        db.session.commit()\n    except IntegrityError:\n"
            "        click.echo('exists')\n        sys.exit(1)\n"
        ),
    )
    INVALID = (
        Example(
            "def register(user):\n    db.session.add(user)\n    try:\n        db.session.commit()\n"
            "    except IntegrityError:\n        return 'taken', 409\n"
        ),
        # the template rendered next may query through the failed session (examples/shop F22)
        Example(
            "def register(form):\n    db.session.add(User(email=form.email.data))\n    try:\n"
            "        db.session.commit()\n    except (IntegrityError, ValueError):\n"
            "        return render_template('register.html', form=form), 409\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func) or ""
        if not name.endswith("session.commit"):
            return
        try_node = enclosing(node, self.parent, (cst.Try,))
        if not isinstance(try_node, cst.Try) or not try_node.handlers:
            return  # no handler here: the error propagates and the request ends
        handlers = [h for h in try_node.handlers if _catches_db_errors(h)]
        if not handlers:
            return  # the except catches something else (a JSON error, a KeyError)
        if any("rollback" in code(h) or _ends_here(h) for h in handlers):
            return
        self.report(node, "The except around this commit does not roll the session back")


def _catches_db_errors(handler: cst.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = {n.rpartition(".")[2] for n in _names(handler.type)}
    return bool(names & DB_ERRORS) or any(
        n.endswith(("Error", "Exception"))
        and n.startswith(
            ("Integrity", "Operational", "Database", "DBAPI", "SQLAlchemy", "Data", "Programming")
        )
        for n in names
    )


def _names(node: cst.BaseExpression) -> list[str]:
    if isinstance(node, cst.Tuple):
        return [n for el in node.elements for n in _names(el.value)]
    name = dotted(node)
    return [name] if name else []


def _ends_here(handler: cst.ExceptHandler) -> bool:
    """The handler re-raises, aborts or exits: the request (or the command) ends, and
    Flask-SQLAlchemy removes the session at the end of the request, failed or not."""
    for sub in walk(handler.body):
        if isinstance(sub, cst.Raise):
            return True
        if isinstance(sub, cst.Call):
            name = (dotted(sub.func) or "").rpartition(".")[2]
            if name in {"abort", "exit", "fail", "Abort"}:
                return True
    return False
