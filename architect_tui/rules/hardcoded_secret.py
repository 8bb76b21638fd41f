"""FLK102: secret keys, passwords and tokens written into the code."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, env_name, named_value
from architect_tui.rules.base import Example, ImportRequest, Rule, RuleContext
from architect_tui.rules.facts import dotted, string_value

SECRET_NAME = re.compile(
    r"(^|_)(SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH_?KEY"
    r"|CREDENTIALS?|SALT)(_KEY)?$",
    re.IGNORECASE,
)
_OVERRIDDEN = ("from_pyfile(", "from_envvar(", "from_prefixed_env(")
ENV_GETTERS = {"os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault"}
DEV_CLASS = re.compile(r"(dev|test|local|debug|example|sample|fake|mock|dummy)", re.IGNORECASE)
ENUM_BASES = re.compile(r"(^|\.)(Enum|IntEnum|StrEnum|Flag|IntFlag|TextChoices|Choices)$")
PLACEHOLDER = re.compile(
    r"^(dev|devel|development|test|testing|secret|secret[-_ ]?key|change[-_ ]?me|changeit|"
    r"default|example|sample|placeholder|todo|fixme|xxx+|your[-_ ].*|not[-_ ]?set|none|null)$",
    re.IGNORECASE,
)
_ENV_VAR_NAME = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{2,}$")
_HEADER = re.compile(r"^X-[\w-]+$|^(Authorization|Bearer|Basic|Token)$", re.IGNORECASE)
_MASK = re.compile(r"^([*x#•.-])\1{2,}$|^<[^>]*>$|^\$\{?\w+\}?$")


def not_a_secret(name: str, literal: str) -> bool:
    """Values that are names, not secrets: enum members and tables of setting names
    (``TOKEN = "token"``, ``SECRET_KEY = "SECRET_KEY"``), header names, masks, templates,
    sentences (messages and labels)."""
    text = literal.strip()
    folded = re.sub(r"[-_. ]", "", text.lower())
    bare = name.lower().replace("_", "")
    if (
        folded
        and (folded in bare or bare in folded)
        and re.fullmatch(r"[\w.]+", text)  # a name: "secret key" or "secret-key" is a value
        and len(text) <= len(name) + 8
    ):
        return True
    if _ENV_VAR_NAME.match(text) or _HEADER.match(text) or _MASK.match(text):
        return True
    if "{" in text or "%(" in text or "%s" in text or text.startswith(("/", "http://localhost")):
        return True
    return len(text.split()) > 3


class HardcodedSecret(Rule):
    id = "FLK102"
    title = "Hard-coded secret"
    severity = "high"
    category = "security"
    # os.environ["X"] at import time makes the variable required: the app no longer starts
    # without it. That is the point, but it changes behaviour: offered, never applied blindly.
    fix_kind = "suggestion"
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
        # privacyidea/lemur: enums and tables of setting names, not their values
        Example(
            "import enum\nclass ConfigKey(str, enum.Enum):\n"
            '    SECRET_KEY = "SECRET_KEY"\n    TOKEN = "token"\n    PASSWORD = "password"\n'
        ),
        Example(
            'class SYSCONF:\n    TOKEN = "token"\n    SECRET = "secret"\n    API_KEY = "api_key"\n'
        ),
        Example('ENV_VARS = {"SECRET_KEY": "REDASH_COOKIE_SECRET", "PASSWORD": "DB_PASSWORD"}\n'),
        # a log mask and a message
        Example('PASSWORD = "********"\nTOKEN = "Your token has expired, please sign in again"\n'),
        # test config, a __main__ self-test and a fake-data script
        Example('class TestConfig:\n    SECRET_KEY = "not-so-secret-in-tests"\n'),
        Example('if __name__ == "__main__":\n    token = "abc123def456"\n    run(token=token)\n'),
        Example('ADMIN_PASSWORD = "admin-1234"\n', path="scripts/create_fake_data.py"),
        # the authors already marked it
        Example('SECRET_KEY = "s3cr3t-for-the-demo"  # nosec B105\n'),
        Example('API_TOKEN = "tok_demo_1234"  # noqa: S105\n'),
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
        # a literal with a space is still a literal
        Example(
            'class Config:\n    SECRET_KEY = "secret key"\n',
            expected='import os\n\nclass Config:\n    SECRET_KEY = os.environ["SECRET_KEY"]\n',
            path="settings.py",
        ),
        # env fallbacks: the literal is used whenever the variable is missing
        Example(
            'import os\nSECRET_KEY = os.environ.get("SECRET_KEY") or "dev"\n',
            expected='import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
        ),
        Example(
            'import os\nSECRET_KEY = os.environ.get("X", "secret-key")\n',
            expected='import os\nSECRET_KEY = os.environ["X"]\n',
        ),
    )

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.classes: list[cst.ClassDef] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

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
        if found is None or not SECRET_NAME.search(found[0]):
            return
        name, value = found
        literal_node, env = self._literal(value)
        literal = string_value(literal_node)
        if not literal or not literal.strip():
            return
        if literal_node is value and not_a_secret(name, literal):
            return
        if self._not_production(node):
            return
        fn = self.function_at(node)
        if fn is not None and any(marker in code(fn.node) for marker in _OVERRIDDEN):
            return  # a development default the deployed config file overrides
        placeholder = bool(PLACEHOLDER.match(literal.strip())) or len(literal.strip()) < 6
        env = env or env_name(name)
        if (env_name(name) == env and literal_node is not value) or literal_node is not value:
            what = f"{name} falls back to a literal when ${env} is missing"
        else:
            what = f"{name} is hard-coded"
        self.report(
            value,
            f"{what}; read it from the environment (os.environ[{env!r}])",
            fix=lambda _old: cst.parse_expression(f'os.environ["{env}"]'),
            imports=(ImportRequest("os"),),
            # a real-looking literal used as is in production: high; a fallback or a
            # placeholder ("dev", "changeme") is a weaker signal
            severity="medium" if placeholder or literal_node is not value else None,
        )

    def _literal(self, value: cst.BaseExpression) -> tuple[cst.BaseExpression, str | None]:
        """The literal a value ends up as, with the variable an env fallback reads:
        ``os.environ.get("X", "lit")``, ``os.getenv("X") or "lit"``."""
        if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
            env = self._env_var(value.left)
            if env is not None:
                return value.right, env
        env = self._env_var(value)
        if env is not None and isinstance(value, cst.Call) and len(value.args) >= 2:
            return value.args[1].value, env
        return value, None

    def _env_var(self, node: cst.BaseExpression) -> str | None:
        if not isinstance(node, cst.Call) or not node.args:
            return None
        name = dotted(node.func) or ""
        if name not in ENV_GETTERS and self.context.file.resolve(name) not in ENV_GETTERS:
            return None
        return string_value(node.args[0].value)

    def _not_production(self, node: cst.CSTNode) -> bool:
        """Tests, scripts, __main__ blocks, enums, dev/test config classes."""
        if self.off_request_path(node) and self.context.file.kind != "code":
            return True
        fn = self.function_at(node)
        if (fn is not None and fn.runs == "script") or self.in_main_block(node):
            return True
        for cls in self.classes:
            bases = [dotted(b.value) or "" for b in cls.bases]
            if any(ENUM_BASES.search(b) for b in bases) or DEV_CLASS.search(cls.name.value):
                return True
        return False
