"""FLK103: a user:password pair inside a connection URL."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, env_name, named_value
from architect_tui.rules.base import Example, ImportRequest, Rule
from architect_tui.rules.facts import dotted, string_value

ENV_GETTERS = {"os.environ.get", "os.getenv", "environ.get", "getenv"}

CREDENTIAL_URL = re.compile(r"^[a-z][a-z0-9+.\-]*://[^/\s:@{}%$]+:(?P<pw>[^/\s@{}%$]+)@", re.I)


def has_credentials(text: str | None) -> bool:
    return bool(text and CREDENTIAL_URL.match(text.strip()))


class CredentialsInUrl(Rule):
    id = "FLK103"
    title = "Credentials in a connection URL"
    severity = "high"
    category = "security"
    # os.environ[...] makes the variable required: a change of behaviour, offered as a suggestion
    fix_kind = "suggestion"
    rationale = (
        "A database or broker URL with user:password in the code leaks the password to anyone "
        "who can read the repository, and ties every deployment to one account. Keep the whole "
        "URL in the environment."
    )
    VALID = (
        Example('SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]\n'),
        Example('SQLALCHEMY_DATABASE_URI = "sqlite:///shop.db"\n'),
        Example('URL = "https://example.com/a:b@c"\nTEMPLATE = "postgresql://{user}:{pw}@db/x"\n'),
    )
    INVALID = (
        Example(
            'SQLALCHEMY_DATABASE_URI = "postgresql://shop:Sup3rS3cret@db.internal/shop"\n',
            expected=(
                'import os\n\nSQLALCHEMY_DATABASE_URI = os.environ["SQLALCHEMY_DATABASE_URI"]\n'
            ),
            path="config.py",
        ),
        Example('engine = create_engine("mysql://root:root@localhost/app")\n'),
        Example(
            "import os\n"
            'URI = os.environ.get("DATABASE_URL", "postgresql://app:s3cret@db:5432/app")\n',
            expected='import os\nURI = os.environ["DATABASE_URL"]\n',
        ),
    )

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if not has_credentials(string_value(node)):
            return
        parent = self.parent(node)
        call = self.parent(parent) if isinstance(parent, cst.Arg) else None
        if (
            isinstance(call, cst.Call)
            and dotted(call.func) in ENV_GETTERS
            and len(call.args) == 2
            and call.args[1] is parent
        ):
            variable = code(call.args[0].value)
            self.report(
                call,
                f"The fallback of {variable} carries a password; require the variable instead",
                fix=lambda _old: cst.parse_expression(f"os.environ[{variable}]"),
                imports=(ImportRequest("os"),),
                at=node,
            )
            return
        found = named_value(parent) if parent is not None else None
        if found is None or found[1] is not node:
            self.report(node, "Connection URL carries a password; move it to the environment")
            return
        env = env_name(found[0])
        self.report(
            node,
            f"{found[0]} carries a password; read it from the environment (os.environ[{env!r}])",
            fix=lambda _old: cst.parse_expression(f'os.environ["{env}"]'),
            imports=(ImportRequest("os"),),
        )
