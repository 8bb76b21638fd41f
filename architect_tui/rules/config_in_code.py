"""FLK503: deployment-specific config values (hosts, URLs, ports) fixed in the code."""

from __future__ import annotations

import re

import libcst as cst

from architect_tui.rules._util import code, env_name, named_value
from architect_tui.rules.base import Example, ImportRequest, Rule, RuleContext
from architect_tui.rules.credentials_in_url import has_credentials
from architect_tui.rules.facts import dotted, string_value
from architect_tui.rules.hardcoded_secret import ENUM_BASES, not_a_secret

CONFIG_NAME = re.compile(
    r"(DATABASE_UR[IL]|_URI$|_URL$|_HOST$|_SERVER$|_PORT$|_DSN$|BUCKET|REDIS|BROKER|SMTP)",
    re.IGNORECASE,
)
LOCAL_VALUE = re.compile(r"(localhost|127\.0\.0\.1|sqlite:|memory|example\.(com|org))", re.I)
DEV_CLASS = re.compile(r"(dev|test|local|debug)", re.IGNORECASE)


class ConfigInCode(Rule):
    id = "FLK503"
    title = "Deployment config value fixed in code"
    severity = "low"
    category = "structure"
    rationale = (
        "Hosts, service URLs and ports differ between laptops, CI, staging and production; "
        "written into a config class they force a code change (and a deploy) to move a "
        "database. Read them from the environment with the current value as the default."
    )
    VALID = (
        Example('SQLALCHEMY_DATABASE_URI = "sqlite:///shop.db"\n', path="config.py"),
        Example(
            'class DevelopmentConfig:\n    REDIS_URL = "redis://cache.dev.internal:6379/0"\n',
            path="config.py",
        ),
        Example('REDIS_URL = os.environ.get("REDIS_URL", "redis://cache:6379/0")\n'),
        Example('def view():\n    url = "https://api.payments.com/v1"\n'),
        # an enum of config key names (privacyidea's SYSCONF shape)
        Example(
            "from enum import Enum\nclass ConfigKey(Enum):\n"
            '    REDIS_URL = "REDIS_URL"\n    SMTP_SERVER = "smtp_server"\n',
            path="config.py",
        ),
        Example('class Keys:\n    MAIL_SERVER = "MAIL_SERVER"\n', path="settings.py"),
    )
    INVALID = (
        Example(
            'class ProductionConfig:\n    REDIS_URL = "redis://cache.prod.internal:6379/0"\n',
            expected=(
                "import os\n\nclass ProductionConfig:\n"
                '    REDIS_URL = os.environ.get("REDIS_URL", "redis://cache.prod.internal:6379/0")\n'
            ),
            path="config.py",
        ),
        Example(
            'import os\napp.config["MAIL_SERVER"] = "smtp.mailgun.org"\n',
            expected=(
                'import os\napp.config["MAIL_SERVER"] = '
                'os.environ.get("MAIL_SERVER", "smtp.mailgun.org")\n'
            ),
        ),
    )

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.classes: list[str] = []
        self.enums = 0
        self.config_file = bool(re.search(r"(config|settings)", context.path, re.I))

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node.name.value)
        self.enums += any(ENUM_BASES.search(dotted(b.value) or "") for b in node.bases)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()
        self.enums -= any(ENUM_BASES.search(dotted(b.value) or "") for b in original_node.bases)

    def visit_Assign(self, node: cst.Assign) -> None:
        target = node.targets[0].target if len(node.targets) == 1 else None
        in_config = (
            isinstance(target, cst.Subscript) and "config" in code(target.value).lower()
        ) or (self.function_at(node) is None and (self.config_file or self._config_class()))
        if in_config:
            self._check(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in {"update", "from_mapping"}:
            return  # most calls: no codegen for them
        name = code(func)
        if name.endswith(("config.update", "config.from_mapping")):
            for arg in node.args:
                self._check(arg)

    def _config_class(self) -> bool:
        return bool(self.classes) and "config" in self.classes[-1].lower()

    def _check(self, node: cst.CSTNode) -> None:
        if any(DEV_CLASS.search(c) for c in self.classes) or self.enums:
            return
        if self.context.file.kind != "code" or self.in_main_block(node):
            return
        found = named_value(node)
        if found is None or not CONFIG_NAME.search(found[0]):
            return
        name, value = found
        literal = string_value(value)
        if literal is None or not literal or LOCAL_VALUE.search(literal):
            return
        if not_a_secret(name, literal):
            return  # a table of setting names: SMTP_SERVER = "SMTP_SERVER"
        if has_credentials(literal):
            return  # FLK103 reports it, with a stronger fix
        env = env_name(name)
        self.report(
            value,
            f"{name} is fixed in code; read it from the environment with this as the default",
            fix=lambda old: cst.parse_expression(f'os.environ.get("{env}", {code(old)})'),
            imports=(ImportRequest("os"),),
        )
