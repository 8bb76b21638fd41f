"""Every rule, listed explicitly (no discovery by import side effects)."""

from __future__ import annotations

from architect_tui.rules.abort_without_json import AbortWithoutJson
from architect_tui.rules.app_at_import import AppAtImportTime
from architect_tui.rules.base import Rule
from architect_tui.rules.broad_except import BroadExcept
from architect_tui.rules.catch_all_handler import CatchAllHandler
from architect_tui.rules.command_injection import CommandInjection
from architect_tui.rules.commit_in_loop import CommitInLoop
from architect_tui.rules.config_in_code import ConfigInCode
from architect_tui.rules.cors_wildcard import CorsWildcardCredentials
from architect_tui.rules.create_status import CreateAnswers200
from architect_tui.rules.credentials_in_url import CredentialsInUrl
from architect_tui.rules.csrf import MissingCsrf
from architect_tui.rules.debug_mode import DebugMode
from architect_tui.rules.foreign_key_index import ForeignKeyWithoutIndex
from architect_tui.rules.hardcoded_secret import HardcodedSecret
from architect_tui.rules.idor import InsecureDirectObjectReference
from architect_tui.rules.import_cycle import ImportCycle
from architect_tui.rules.len_all import LenOfAll
from architect_tui.rules.missing_auth import MissingAuth
from architect_tui.rules.missing_error_handlers import MissingErrorHandlers
from architect_tui.rules.missing_rollback import MissingRollback
from architect_tui.rules.n_plus_one import NPlusOne
from architect_tui.rules.open_redirect import OpenRedirect
from architect_tui.rules.path_traversal import PathTraversal
from architect_tui.rules.print_call import PrintInRequest
from architect_tui.rules.request_key_error import RequestKeyError
from architect_tui.rules.request_timeout import NoRequestTimeout
from architect_tui.rules.sql_injection import SqlInjection
from architect_tui.rules.state_change_on_get import StateChangeOnGet
from architect_tui.rules.stock_race import CheckThenUpdateRace
from architect_tui.rules.sync_mail import SynchronousMail
from architect_tui.rules.template_injection import TemplateInjection
from architect_tui.rules.tls_verify import TlsVerifyOff
from architect_tui.rules.unbounded_quantity import UnboundedQuantity
from architect_tui.rules.unchecked_user import UncheckedAnonymousUser
from architect_tui.rules.unpaginated_list import UnpaginatedList
from architect_tui.rules.unsafe_deserialization import UnsafeDeserialization
from architect_tui.rules.unsafe_yaml import UnsafeYaml
from architect_tui.rules.url_consistency import InconsistentUrls
from architect_tui.rules.weak_password_hash import WeakPasswordHash

ALL_RULES: tuple[type[Rule], ...] = (
    # security
    DebugMode,
    HardcodedSecret,
    CredentialsInUrl,
    SqlInjection,
    TemplateInjection,
    OpenRedirect,
    PathTraversal,
    UnsafeYaml,
    UnsafeDeserialization,
    TlsVerifyOff,
    CorsWildcardCredentials,
    MissingAuth,
    MissingCsrf,
    WeakPasswordHash,
    InsecureDirectObjectReference,
    UnboundedQuantity,
    CommandInjection,
    # database
    NPlusOne,
    CommitInLoop,
    LenOfAll,
    MissingRollback,
    CheckThenUpdateRace,
    ForeignKeyWithoutIndex,
    # errors and logging
    BroadExcept,
    MissingErrorHandlers,
    PrintInRequest,
    RequestKeyError,
    UncheckedAnonymousUser,
    CatchAllHandler,
    NoRequestTimeout,
    # REST
    CreateAnswers200,
    StateChangeOnGet,
    InconsistentUrls,
    UnpaginatedList,
    AbortWithoutJson,
    # structure
    ImportCycle,
    AppAtImportTime,
    ConfigInCode,
    SynchronousMail,
)

RULES_BY_ID: dict[str, type[Rule]] = {rule.id: rule for rule in ALL_RULES}
