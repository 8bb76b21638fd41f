"""Every rule, listed explicitly (no discovery by import side effects)."""

from __future__ import annotations

from architect_tui.review.rules.base import Rule
from architect_tui.review.rules.config_in_code import ConfigInCode
from architect_tui.review.rules.credentials_in_url import CredentialsInUrl
from architect_tui.review.rules.debug_mode import DebugMode
from architect_tui.review.rules.hardcoded_secret import HardcodedSecret
from architect_tui.review.rules.sql_injection import SqlInjection

ALL_RULES: tuple[type[Rule], ...] = (
    DebugMode,
    HardcodedSecret,
    CredentialsInUrl,
    SqlInjection,
    ConfigInCode,
)

RULES_BY_ID: dict[str, type[Rule]] = {rule.id: rule for rule in ALL_RULES}
