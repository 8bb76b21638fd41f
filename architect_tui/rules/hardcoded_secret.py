"""FLK102: secret keys, passwords and tokens written into the code."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, env_name, named_value
from architect_tui.rules.base import Example, ImportRequest, Rule
from architect_tui.rules.facts import string_value

SECRET_NAME = re.compile(
    r"(^|_)(SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH_?KEY"
    r"|CREDENTIALS?|SALT)(_KEY)?$",
    re.IGNORECASE,
)
_OVERRIDDEN = ("from_pyfile(", "from_envvar(", "from_prefixed_env(")


class HardcodedSecret(Rule):
    id = "FLK102"
    title = "Hard-coded secret"
    severity = "high"
    category = "security"
    rationale = (
        "A SECRET_KEY, password or token in the source is in every clone, backup and log of the "
        "repository; with the SECRET_KEY anyone can forge session cookies. Read it from the "
        "environment (os.environ[...] fails fast when it is missing) and rotate the old value."
    )
    VALID = (
        Example('SECRET_KEY = os.environ["SECRET_KEY"]\n'),
        Example('PASSWORD_MIN_LENGTH = 8\nTOKEN_HEADER = "Authorization"\n'),
        Example('SECRET_KEY = ""\n'),
        Example(
            "def create_app():\n"
            '    app.config.from_mapping(SECRET_KEY="dev")\n'
            '    app.config.from_pyfile("config.py", silent=True)\n'
        ),
    )
    INVALID = (
        Example(
            'SECRET_KEY = "s3cr3t-production-key"\n',
            expected='import os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
            path="config.py",
        ),
        Example(
            'import os\napp.config["SECRET_KEY"] = "hunter2"\n',
            expected='import os\napp.config["SECRET_KEY"] = os.environ["SECRET_KEY"]\n',
        ),
        Example(
            'import os\nclient = Client(api_key="sk-live-1234567890")\n',
            expected='import os\nclient = Client(api_key=os.environ["API_KEY"])\n',
        ),
        Example(
            'import os\nCONFIG = {"STRIPE_TOKEN": "tok_abc"}\n',
            expected='import os\nCONFIG = {"STRIPE_TOKEN": os.environ["STRIPE_TOKEN"]}\n',
        ),
    )

    def visit_Assign(self, node: cst.Assign) -> None:
        self._check(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._check(node)

    def visit_Arg(self, node: cst.Arg) -> None:
        self._check(node)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._check(node)

    def _check(self, node: cst.CSTNode) -> None:
        found = named_value(node)
        if found is None:
            return
        name, value = found
        literal = string_value(value)
        if not literal or not SECRET_NAME.search(name) or " " in literal.strip():
            return
        fn = self.function_at(node)
        if fn is not None:
            text = code(fn.node)
            if any(marker in text for marker in _OVERRIDDEN):
                return  # a development default the deployed config file overrides
        env = env_name(name)
        self.report(
            value,
            f"{name} is hard-coded; read it from the environment (os.environ[{env!r}])",
            fix=lambda _old: cst.parse_expression(f'os.environ["{env}"]'),
            imports=(ImportRequest("os"),),
        )
