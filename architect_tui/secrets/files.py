"""Which files are withheld: never read into a request, never sent, even when selected.

Decided by name alone (the content is never opened): environment files of every spelling
(``.env``, ``.env.production``, ``prod.env``, ``.flaskenv``, ``.envrc``), Flask's instance folder
(``instance/*.cfg``, ``instance/config.py``: the folder Flask documents for deployment secrets),
keys and keystores, credentials and secrets files, ``.netrc``-style password files and cloud
service-account files. Everything else is sent redacted (``architect_tui.secrets.scan``).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_ENV_FILE = re.compile(
    r"^\.env(\..*)?$|^.+\.env$|^\.flaskenv$|^\.envrc$|^env\.(local|prod.*|dev.*|staging|test)$",
    re.IGNORECASE,
)
_KEY_FILE = re.compile(
    r"\.(pem|key|p12|pfx|jks|keystore|asc|gpg|ppk|kdbx)$|^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$",
    re.IGNORECASE,
)
_CREDENTIALS_FILE = re.compile(
    r"^\.?(credentials|secrets?)(\.(json|ya?ml|toml|ini|cfg|txt|env))?$"
    r"|^\.(netrc|pgpass|htpasswd|npmrc|pypirc|git-credentials|dockercfg)$"
    r"|^service[-_]?account.*\.json$|^client_secrets?.*\.json$",
    re.IGNORECASE,
)
#: Flask's instance folder holds deployment configuration: its config files are withheld.
_INSTANCE_CONFIG = re.compile(
    r"\.(cfg|toml|json|ini|ya?ml|conf|env)$|(config|settings|secret).*\.py$", re.IGNORECASE
)


class WithheldError(ValueError):
    """A withheld file was asked for: nothing is sent, the message says why."""


def withheld_reason(path: str) -> str | None:
    """Why ``path`` (project-relative or absolute) is never sent, or None when it may be."""
    pure = PurePosixPath(path.replace("\\", "/"))
    name = pure.name
    if _ENV_FILE.search(name):
        return "it is an environment file (KEY=value settings, usually secrets)"
    if _KEY_FILE.search(name):
        return "it looks like a key or keystore file"
    if _CREDENTIALS_FILE.search(name):
        return "it looks like a credentials or secrets file"
    if "instance" in pure.parts[:-1] and _INSTANCE_CONFIG.search(name):
        return "it is in Flask's instance folder (deployment configuration and secrets)"
    return None


def is_withheld(path: str) -> bool:
    """True for files that must never be sent, whatever their content."""
    return withheld_reason(path) is not None


def withheld_message(path: str) -> str:
    """The sentence shown when a withheld file is selected for a review."""
    reason = withheld_reason(path) or "it is withheld"
    return (
        f"{path} is never sent to the model: {reason}. Nothing was sent. Review the code that "
        "reads it instead, or copy what you need into the question without the values."
    )
