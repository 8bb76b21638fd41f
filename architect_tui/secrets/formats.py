"""Known token formats: a value with one of these shapes is a secret wherever it stands.

The shapes follow the vendors' documented prefixes (and the regexes detect-secrets ships for
them, checked against its plugins): they are precise enough to need no context, so they also
catch secrets in comments, docstrings, YAML and shell lines. Each entry is (kind, pattern); when
the pattern has a group named ``secret``, only that group is replaced (a Slack webhook keeps its
host, so the reviewer still sees what it is).
"""

from __future__ import annotations

import re

_B = r"(?<![A-Za-z0-9_])"  # a token starts at a word boundary (``_`` counts as a word char)
_E = r"(?![A-Za-z0-9_])"

FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "aws_key",
        re.compile(
            _B + r"(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)"
            r"[A-Z0-9]{16}" + _E
        ),
    ),
    ("anthropic_key", re.compile(_B + r"sk-ant-[A-Za-z0-9_-]{8,}")),
    ("openai_key", re.compile(_B + r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    (
        "github_token",
        re.compile(_B + r"(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{22,})"),
    ),
    (
        "gitlab_token",
        re.compile(
            _B + r"(?:(?:glpat|gldt|glft|glsoat|glrt|glcbt|glimt|glptt|glagent|gloas)-"
            r"[A-Za-z0-9_\-]{20,}|GR1348941[A-Za-z0-9_\-]{20,})"
        ),
    ),
    (
        "slack_token",
        re.compile(_B + r"(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})"),
    ),
    (
        "slack_webhook",
        re.compile(
            r"https://hooks\.slack\.com/(?:services|workflows|triggers)/(?P<secret>[A-Za-z0-9_/+-]{8,})"
        ),
    ),
    (
        "discord_webhook",
        re.compile(
            r"https://(?:\w+\.)?discord(?:app)?\.com/api/webhooks/(?P<secret>\d+/[\w-]{20,})"
        ),
    ),
    (
        "teams_webhook",
        re.compile(r"https://[\w.-]+\.webhook\.office\.com/(?P<secret>[\w@/.-]{20,})"),
    ),
    ("stripe_key", re.compile(_B + r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}")),
    ("stripe_webhook_secret", re.compile(_B + r"whsec_[A-Za-z0-9]{20,}")),
    ("google_key", re.compile(_B + r"AIza[0-9A-Za-z_\-]{35}")),
    ("google_oauth_secret", re.compile(_B + r"GOCSPX-[A-Za-z0-9_\-]{20,}")),
    ("google_oauth_token", re.compile(_B + r"ya29\.[0-9A-Za-z_\-]{20,}")),
    (
        "jwt",
        re.compile(_B + r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
    ),
    ("sendgrid_key", re.compile(_B + r"SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}")),
    ("twilio_key", re.compile(_B + r"SK[0-9a-f]{32}" + _E)),
    ("mailgun_key", re.compile(_B + r"key-[0-9a-f]{32}" + _E)),
    ("mailchimp_key", re.compile(_B + r"[0-9a-f]{32}-us\d{1,2}" + _E)),
    ("npm_token", re.compile(_B + r"npm_[A-Za-z0-9]{36}" + _E)),
    ("pypi_token", re.compile(_B + r"pypi-AgE[A-Za-z0-9_\-]{50,}")),
    ("huggingface_token", re.compile(_B + r"hf_[A-Za-z0-9]{30,}" + _E)),
    ("shopify_token", re.compile(_B + r"shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}" + _E)),
    ("digitalocean_token", re.compile(_B + r"do[opr]_v1_[a-f0-9]{64}" + _E)),
    (
        "telegram_bot_token",  # also inside Telegram's URLs: /bot<id>:<secret>/
        re.compile(r"(?:(?<=bot)|(?<![A-Za-z0-9_]))\d{8,10}:AA[0-9A-Za-z_\-]{33}" + _E),
    ),
    (
        "azure_storage_key",
        re.compile(r"AccountKey=(?P<secret>[A-Za-z0-9+/=]{40,})"),
    ),
)

#: Substrings one of which every match of a format holds (a cheap pre-check per text).
FORMAT_HINTS: dict[str, tuple[str, ...]] = {
    "aws_key": (
        "A3T",
        "AKIA",
        "ASIA",
        "ABIA",
        "ACCA",
        "AGPA",
        "AIDA",
        "AROA",
        "AIPA",
        "ANPA",
        "ANVA",
    ),
    "anthropic_key": ("sk-",),  # not "sk-ant-": no hint may be a prefix of another
    "openai_key": ("sk-",),
    "github_token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    "gitlab_token": ("gl", "GR1348941"),
    "slack_token": ("xox", "xapp-"),
    "slack_webhook": ("hooks.slack.com",),
    "discord_webhook": ("/api/webhooks/",),
    "teams_webhook": (".webhook.office.com",),
    "stripe_key": ("_live_", "_test_"),
    "stripe_webhook_secret": ("whsec_",),
    "google_key": ("AIza",),
    "google_oauth_secret": ("GOCSPX-",),
    "google_oauth_token": ("ya29.",),
    "jwt": ("eyJ",),
    "sendgrid_key": ("SG.",),
    "twilio_key": ("SK",),
    "mailgun_key": ("key-",),
    "mailchimp_key": ("-us",),
    "npm_token": ("npm_",),
    "pypi_token": ("pypi-",),
    "huggingface_token": ("hf_",),
    "shopify_token": ("shp",),
    "digitalocean_token": ("_v1_",),
    "telegram_bot_token": (":AA",),
    "azure_storage_key": ("AccountKey=",),
}

#: ``-----BEGIN ... PRIVATE KEY-----`` and its END; a block is only whole with both.
PEM_BEGIN = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
PEM_END = re.compile(r"-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
#: Key material right after a BEGIN with no END: base64 (and escaped newlines) on that line.
PEM_MATERIAL = re.compile(r"(?:\\n|\\r|\s)*[A-Za-z0-9+/=]{16,}(?:(?:\\n|\\r|\s)*[A-Za-z0-9+/=]+)*")
