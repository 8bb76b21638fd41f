"""The secrets corpus: shapes that must never reach a request, and look-alikes that must.

Shared by ``tests/unit/review/test_secrets_corpus.py`` (through the real review path, asserting
on the body the local Anthropic server recorded) and ``bench/bench_secrets.py`` (recall and
false positives, ours against detect-secrets). Every value is made up for this file.

A :class:`Shape` is one secret as it appears in real projects: ``text`` is written to ``file``
as is, ``leaks`` are fragments of which none may appear in what is sent. A :class:`LookAlike`
is code that holds no secret: ``kept`` must be sent verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass

PY = "shop/settings_corpus.py"


@dataclass(frozen=True)
class Shape:
    label: str
    text: str
    leaks: tuple[str, ...]
    file: str = PY


@dataclass(frozen=True)
class LookAlike:
    label: str
    text: str
    kept: str
    file: str = PY


_PEM_BODY = (
    "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
    "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
    "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo\n"
)

SHAPES: tuple[Shape, ...] = (
    Shape(
        "aws access key id", 'AWS_ACCESS_KEY_ID = "AKIAQ7XK2M4N6P8R0T2V"', ("AKIAQ7XK2M4N6P8R0T2V",)
    ),
    Shape(
        "aws secret under a name without SECRET/KEY",
        'AWS_SK = "Xb9kLm3Qp7Rt2Vw5Yz8Ac1Df4Gh6Jk0Mn3Pq5St7"',
        ("Xb9kLm3Qp7Rt2Vw5Yz8Ac1Df4Gh6Jk0Mn3Pq5St7",),
    ),
    Shape(
        "aws secret as a keyword argument",
        's3 = boto3.client("s3", aws_secret_access_key="q8Vt/3nZr+X2pLk9Wm4Hs7Jd1Fb6Gc0Ya5Ue3TiO")',
        ("q8Vt/3nZr+X2pLk9Wm4Hs7Jd1Fb6Gc0Ya5Ue3TiO", "X2pLk9Wm4Hs7Jd1Fb6"),
    ),
    Shape(
        "url password holding @",
        'SQLALCHEMY_DATABASE_URI = "postgresql://admin:p@ssW0rd-Q7@db.internal:5432/shop"',
        ("p@ssW0rd-Q7", "ssW0rd-Q7"),
    ),
    Shape(
        "url password holding /",
        'LEGACY_DB = "mysql://root:ab/cd-Secr3t@localhost/shop"',
        ("ab/cd-Secr3t", "cd-Secr3t"),
    ),
    Shape(
        "redis url, password only",
        'REDIS_URL = "redis://:Rd1s-S3cret-99@cache:6379/0"',
        ("Rd1s-S3cret-99",),
    ),
    Shape(
        "mongodb+srv url, password holding ! and #",
        'MONGO_URI = "mongodb+srv://app:M0ng0!Pass#1@cluster0.ab1cd.mongodb.net/db?retryWrites=true"',
        ("M0ng0!Pass#1", "Pass#1"),
    ),
    Shape(
        "amqp broker url",
        'CELERY_BROKER_URL = "amqp://shop:Gu3st-Br0ker-Pw@rabbit:5672//"',
        ("Gu3st-Br0ker-Pw",),
    ),
    Shape(
        "url credentials in a comment",
        "# dev db: postgres://shop:Dev-Pw-4411@localhost/shop",
        ("Dev-Pw-4411",),
    ),
    Shape(
        "Authorization: Bearer in a dict",
        'HEADERS = {"Authorization": "Bearer 7f3a9c2e1b4d8f6a0e5c3b7d9f1a2c4e"}',
        ("7f3a9c2e1b4d8f6a0e5c3b7d9f1a2c4e",),
    ),
    Shape(
        "Authorization: Basic in a call",
        'r = requests.get(url, headers={"Authorization": "Basic YWRtaW46c3VwZXJzZWNyZXQxMjM="})',
        ("YWRtaW46c3VwZXJzZWNyZXQxMjM=",),
    ),
    Shape(
        "curl Token header in a comment",
        '# curl -H "Authorization: Token 9c1e4b7a2d5f8c3e6b9a0d4f" https://api.example.com/',
        ("9c1e4b7a2d5f8c3e6b9a0d4f",),
    ),
    Shape(
        "slack webhook url",
        'SLACK_HOOK = "https://hooks.slack.com/services/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"',
        ("Xq7Lm2Np9Rt4Vw8Yz3Ab6Cd1",),
    ),
    Shape(
        "slack bot token",
        'slack = WebClient(token="xoxb-2048-1234567890-AbCdEfGhIjKlMnOpQrStUvWx")',
        ("AbCdEfGhIjKlMnOpQrStUvWx",),
    ),
    Shape(
        "github classic token",
        'GH = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s12"',
        ("ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s12", "R4nd0mT0k3nV4lu3"),
    ),
    Shape(
        "github fine-grained token",
        'GH_FINE = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN0123"',
        ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN0123",),
    ),
    Shape(
        "gitlab token",
        'gl = gitlab.Gitlab(url, private_token="glpat-xY9zA8bC7dE6fG5hI4jK")',
        ("xY9zA8bC7dE6fG5hI4jK",),
    ),
    Shape(
        "stripe secret key",
        'stripe.api_key = "sk_live_51HqLyjWDarjtT1zdp7dcXrHfFXb3a2LkQ"',
        ("51HqLyjWDarjtT1zdp7dcXrHfFXb3a2LkQ",),
    ),
    Shape(
        "stripe webhook secret",
        'endpoint_secret = "whsec_Zx81KqLm3Nv5Bp7Cr9Dt2Fw4Gy6Hj8K"',
        ("Zx81KqLm3Nv5Bp7Cr9Dt2Fw4Gy6Hj8K",),
    ),
    Shape(
        "google api key",
        'MAPS = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"',
        ("SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY",),
    ),
    Shape(
        "google oauth client secret",
        'GOOGLE_CLIENT_SECRET = "GOCSPX-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9"',
        ("Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9",),
    ),
    Shape(
        "jwt in a test helper",
        'TEST_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
        (
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
            "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ",
        ),
    ),
    Shape(
        "rsa private key block over lines",
        'DEPLOY_KEY = """-----BEGIN RSA PRIVATE KEY-----\n'
        + _PEM_BODY
        + '-----END RSA PRIVATE KEY-----"""',
        (
            "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
            "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW",
        ),
    ),
    Shape(
        "private key on one line with \\n escapes",
        'SIGNING_PEM = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n"',
        ("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "BAQEFAASCBKcwggSj"),
    ),
    Shape(
        "openssh private key block",
        'SSH_KEY = """-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq3mN1zH9kGv0wYc7b2lXQ5mK8pR4tS6uV1wX3yZ0aBcAAAAJgAAAAAAAA\n-----END OPENSSH PRIVATE KEY-----"""',
        ("QyNTUxOQAAACDq3mN1zH9kGv0wYc7b2lXQ5mK8pR4tS6uV1wX3yZ0aBcAAAAJgAAAAAAAA",),
    ),
    Shape(
        "ec private key, BEGIN without END (truncated)",
        'PARTIAL = "-----BEGIN EC PRIVATE KEY-----MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oY"',
        ("MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oY",),
    ),
    Shape(
        "secret split over concatenated literals in parentheses",
        'SECRET_KEY = (\n    "9f8e7d6c5b4a"\n    "3f2e1d0c9b8a"\n)',
        ("9f8e7d6c5b4a", "3f2e1d0c9b8a"),
    ),
    Shape(
        "known token split over literals, no secret name",
        'BILLING = ("sk_live_51HqLy" "jWDarjtT1zdp7dcXrHfFXb")',
        ("jWDarjtT1zdp7dcXrHfFXb",),
    ),
    Shape("password in a comment", "# prod db password: Hunter2-Prod-Pass", ("Hunter2-Prod-Pass",)),
    Shape(
        "password in prose", "# the admin password is Adm1n!2024 until rotation", ("Adm1n!2024",)
    ),
    Shape(
        "token in a docstring",
        '"""Staging token = Stg-7Hq2-Lk9x-Vv31 (ask ops for prod)."""',
        ("Stg-7Hq2-Lk9x-Vv31",),
    ),
    Shape(
        "env lines quoted and unquoted inside a string",
        'ENV_EXAMPLE = """\nFLASK_SECRET=Fl4sk-S3cr3t-Val\nMAIL_PASSWORD=\'m4il-P@ss-22\'\n"""',
        ("Fl4sk-S3cr3t-Val", "m4il-P@ss-22"),
    ),
    Shape(
        "getenv fallback default",
        'SECRET_KEY = os.getenv("SECRET_KEY", "f4llb4ck-s3cret-2024")',
        ("f4llb4ck-s3cret-2024",),
    ),
    Shape("app.config subscript", 'app.config["SECRET_KEY"] = "Cf9-k3y-!Qz8"', ("Cf9-k3y-!Qz8",)),
    Shape(
        "config.update keyword",
        'app.config.update(MAIL_PASSWORD="M@il-Pw-0918")',
        ("M@il-Pw-0918",),
    ),
    Shape(
        "dict entry, lower case",
        'OAUTH = {"client_secret": "Cl13nt-S3cr3t-Vx7"}',
        ("Cl13nt-S3cr3t-Vx7",),
    ),
    Shape(
        "annotated class attribute",
        'class Prod:\n    DB_PASSWORD: str = "annot8ted-Pw"',
        ("annot8ted-Pw",),
    ),
    Shape(
        "bytes secret key",
        "SESSION_SECRET = b'\\x8f\\x1a\\xc3\\x9e\\x02\\x7b\\xd4\\x55'",
        ("\\x8f\\x1a\\xc3\\x9e",),
    ),
    Shape("weak password, letters only", 'ADMIN_PASSWORD = "hunterprod"', ("hunterprod",)),
    Shape("numeric pin in quotes", 'DOOR_PIN = "482915"', ("482915",)),
    Shape(
        "password keyword in a call",
        'db = connect(host="db", user="shop", password="Sh0p-DB-pass!")',
        ("Sh0p-DB-pass!",),
    ),
    Shape(
        "basic auth tuple",
        'r = requests.get(url, auth=("admin", "Adm1n-Pw-77"))',
        ("Adm1n-Pw-77",),
    ),
    Shape(
        "HTTPBasicAuth",
        'AUTH = HTTPBasicAuth("deploy", "D3ploy!Basic")',
        ("D3ploy!Basic",),
    ),
    Shape(
        "smtp login",
        'server.login("alerts@shop.example", "Sm7p-Alerts-Pw")',
        ("Sm7p-Alerts-Pw",),
    ),
    Shape(
        "telegram bot token in a route",
        '@app.route("/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ/hook")',
        ("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",),
    ),
    Shape(
        "sendgrid key",
        'SENDGRID = "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"',
        ("TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr",),
    ),
    Shape(
        "anthropic key",
        'CLAUDE = "sk-ant-api03-Zr7Xq2Lm9Np4Kt8Vw3Yb6Hc1Jd5Fg0"',
        ("Zr7Xq2Lm9Np4Kt8Vw3Yb6Hc1Jd5Fg0",),
    ),
    Shape(
        "openai project key",
        'OPENAI = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34"',
        ("Ab12Cd34Ef56Gh78Ij90Kl12Mn34",),
    ),
    Shape(
        "hex auth token under a secret name",
        'TWILIO_AUTH_TOKEN = "9f2c4a6e8b0d1f3a5c7e9b1d3f5a7c9e"',
        ("9f2c4a6e8b0d1f3a5c7e9b1d3f5a7c9e",),
    ),
    Shape(
        "mailgun key",
        'MAILGUN = "key-0f1e2d3c4b5a69788796a5b4c3d2e1f0"',
        ("0f1e2d3c4b5a69788796a5b4c3d2e1f0",),
    ),
    Shape(
        "npm token",
        "# npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 (publish)",
        ("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",),
    ),
    Shape(
        "huggingface token",
        'HF = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345"',
        ("AbCdEfGhIjKlMnOpQrStUvWxYz012345",),
    ),
    Shape(
        "azure storage connection string",
        'AZURE = "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w;EndpointSuffix=core.windows.net"',
        ("Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w",),
    ),
    Shape(
        "discord webhook",
        'DISCORD = "https://discord.com/api/webhooks/112233445566778899/Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv"',
        ("Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv",),
    ),
    Shape(
        "shell export",
        "export DB_PASSWORD=S3cure-Deploy-77",
        ("S3cure-Deploy-77",),
        "deploy/run.sh",
    ),
    Shape(
        "shell export quoted",
        'export API_TOKEN="tok-93kd-X2mq-77aa"',
        ("tok-93kd-X2mq-77aa",),
        "deploy/run.sh",
    ),
    Shape(
        "docker-compose environment entry",
        "services:\n  web:\n    environment:\n      - SECRET_KEY=8c4f2a9e1d7b3f6a0e5d",
        ("8c4f2a9e1d7b3f6a0e5d",),
        "docker-compose.yml",
    ),
    Shape(
        "yaml quoted password",
        'db:\n  password: "Y4ml-Pa55-word"',
        ("Y4ml-Pa55-word",),
        "config/app.yaml",
    ),
    Shape(
        "yaml unquoted token",
        "api:\n  api_token: 4f9a8b7c6d5e4f3a2b1c",
        ("4f9a8b7c6d5e4f3a2b1c",),
        "config/app.yaml",
    ),
    Shape(
        "ini password",
        "[database]\npassword = 1ni-P4ss-w0rd\n",
        ("1ni-P4ss-w0rd",),
        "deploy/app.ini",
    ),
)

LOOK_ALIKES: tuple[LookAlike, ...] = (
    LookAlike("endpoint name constant", 'RESET_PASSWORD = "reset_password"', "reset_password"),
    LookAlike("a label", 'password_title = "HTTP Basic Auth Password"', "HTTP Basic Auth Password"),
    LookAlike("a mask", 'SECRET_PLACEHOLDER = "--------"', '"--------"'),
    LookAlike(
        "mail subject template",
        'PASSWORD_RESET_SUBJECT = "[{app_name}] Password reset requested"',
        "[{app_name}] Password reset requested",
    ),
    LookAlike(
        "mail subject", 'MAIL_SUBJECT_PASSWORD = "Reset your password"', "Reset your password"
    ),
    LookAlike(
        "oauth access_token_url",
        'access_token_url = "https://github.com/login/oauth/access_token"',
        "https://github.com/login/oauth/access_token",
    ),
    LookAlike(
        "kubernetes token_path",
        'token_path = "/var/run/secrets/kubernetes.io/serviceaccount/token"',
        "/var/run/secrets/kubernetes.io/serviceaccount/token",
    ),
    LookAlike("env var name table", 'SECRET_KEY = "SECRET_KEY"', 'SECRET_KEY = "SECRET_KEY"'),
    LookAlike(
        "enum of env var names",
        'class Env(Enum):\n    API_TOKEN = "API_TOKEN"',
        'API_TOKEN = "API_TOKEN"',
    ),
    LookAlike(
        "dict of env var names",
        'ENV_NAMES = {"secret": "SECRET_KEY", "db": "DATABASE_URL"}',
        '"secret": "SECRET_KEY"',
    ),
    LookAlike(
        "environ lookup", 'SECRET_KEY = os.environ["SECRET_KEY"]', 'os.environ["SECRET_KEY"]'
    ),
    LookAlike(
        "environ default dev",
        'SECRET_KEY = os.environ.get("SECRET_KEY", "dev")',
        '"SECRET_KEY", "dev"',
    ),
    LookAlike(
        "url with an env placeholder",
        'DATABASE_URL = "postgresql://shop:${DB_PASSWORD}@db/shop"',
        "postgresql://shop:${DB_PASSWORD}@db/shop",
    ),
    LookAlike(
        "url with a format placeholder",
        'uri = f"postgresql://{user}:{password}@{host}/{name}"',
        "{user}:{password}@{host}",
    ),
    LookAlike(
        "dev default credentials equal to the user",
        'TEST_DATABASE_URL = "postgresql://postgres:postgres@localhost/test"',
        "postgres:postgres@localhost",
    ),
    LookAlike(
        "host and port url",
        'API = "https://api.example.com:8443/v1/users"',
        "api.example.com:8443/v1/users",
    ),
    LookAlike(
        "pip url with @ref",
        'FLASK_REQ = "git+https://github.com/pallets/flask.git@main"',
        "github.com/pallets/flask.git@main",
    ),
    LookAlike("email address", 'ADMIN_EMAIL = "admin@example.com"', "admin@example.com"),
    LookAlike(
        "oauth authorize_url",
        'authorize_url = "https://accounts.google.com/o/oauth2/auth"',
        "accounts.google.com/o/oauth2/auth",
    ),
    LookAlike(
        "token endpoint kwarg",
        'oauth.register("google", token_url="https://oauth2.googleapis.com/token")',
        "https://oauth2.googleapis.com/token",
    ),
    LookAlike("token type", 'TOKEN_TYPE = "bearer"', '"bearer"'),
    LookAlike("jwt algorithm", 'JWT_ALGORITHM = "HS256"', '"HS256"'),
    LookAlike("csrf field name", 'CSRF_FIELD_NAME = "csrf_token"', '"csrf_token"'),
    LookAlike("cookie name", 'SESSION_COOKIE_NAME = "session_token"', '"session_token"'),
    LookAlike(
        "template path",
        'PASSWORD_RESET_TEMPLATE = "email/reset_password.html"',
        "email/reset_password.html",
    ),
    LookAlike(
        "password regex",
        'PASSWORD_REGEX = r"^(?=.*[A-Z])(?=.*\\d).{8,}$"',
        "(?=.*[A-Z])(?=.*\\d).{8,}",
    ),
    LookAlike("password min length", "PASSWORD_MIN_LENGTH = 12", "PASSWORD_MIN_LENGTH = 12"),
    LookAlike("token lifetime", "TOKEN_EXPIRES = 3600", "TOKEN_EXPIRES = 3600"),
    LookAlike(
        "form field",
        'password = PasswordField("Password", validators=[DataRequired()])',
        'PasswordField("Password"',
    ),
    LookAlike(
        "api key header name", 'api_key_header = APIKeyHeader(name="X-API-Key")', '"X-API-Key"'
    ),
    LookAlike(
        "header template", 'headers = {"Authorization": f"Bearer {token}"}', "Bearer {token}"
    ),
    LookAlike(
        "header lookup",
        'auth = request.headers.get("Authorization", "")',
        'headers.get("Authorization"',
    ),
    LookAlike(
        "prose about bearer tokens",
        "# Bearer tokens are checked in auth.py before the view runs",
        "Bearer tokens are checked",
    ),
    LookAlike(
        "prose about the password",
        "# The password is hashed with bcrypt before storage.",
        "password is hashed with bcrypt",
    ),
    LookAlike(
        "flash message",
        'flash("Invalid username or password", "error")',
        "Invalid username or password",
    ),
    LookAlike(
        "git sha",
        'REVISION = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"',
        "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
    ),
    LookAlike("alembic revision", "down_revision = '1a2b3c4d5e6f'", "1a2b3c4d5e6f"),
    LookAlike(
        "etag",
        'ETAG = "33a64df551425fcc55e4d42a148795d9f25f89d4"',
        "33a64df551425fcc55e4d42a148795d9f25f89d4",
    ),
    LookAlike(
        "sri hash",
        'BOOTSTRAP_SRI = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"',
        "oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
    ),
    LookAlike(
        "uuid namespace",
        'NAMESPACE_ID = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"',
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
    ),
    LookAlike(
        "long identifier",
        'HANDLER = "UserProfileSerializerV2Handler"',
        "UserProfileSerializerV2Handler",
    ),
    LookAlike(
        "data url image",
        'PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="',
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    ),
    LookAlike("placeholder value", 'API_KEY = "<your api key here>"', "<your api key here>"),
    LookAlike(
        "change-me default", 'SECRET_KEY = "change-me-in-production"', "change-me-in-production"
    ),
    LookAlike(
        "hash column", "password_hash = db.Column(db.String(128))", "db.Column(db.String(128))"
    ),
    LookAlike(
        "set password call",
        "user.set_password(form.password.data)",
        "set_password(form.password.data)",
    ),
    LookAlike(
        "secrets module docs",
        "# see https://docs.python.org/3/library/secrets.html",
        "docs.python.org/3/library/secrets.html",
    ),
    LookAlike(
        "pem header in a docstring, no key",
        '"""Accepts a key starting with -----BEGIN RSA PRIVATE KEY----- (PEM)."""',
        "-----BEGIN RSA PRIVATE KEY----- (PEM)",
    ),
    LookAlike("api version date", 'STRIPE_API_VERSION = "2023-10-16"', "2023-10-16"),
    LookAlike(
        "oauth scopes", 'OAUTH_SCOPES = ["read:user", "user:email"]', '["read:user", "user:email"]'
    ),
    LookAlike("secret key fallbacks", "SECRET_KEY_FALLBACKS = []", "SECRET_KEY_FALLBACKS = []"),
    # Found by running the finder over 650k lines of installed packages (flask, werkzeug,
    # sqlalchemy, anthropic, textual...): what it flagged there before it learned better.
    LookAlike(
        "salt alphabet",
        'SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"',
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    ),
    LookAlike("private token constant", '_DEFAULT_TOKEN = "_sa_default"', '"_sa_default"'),
    LookAlike("tokenizer regex", 'TOKEN = "[a-zA-Z_][a-zA-Z0-9_-]*"', '"[a-zA-Z_][a-zA-Z0-9_-]*"'),
    LookAlike(
        "__all__ of credential classes",
        '__all__ = ["WorkloadIdentityCredentials", "WorkloadIdentityError"]',
        '"WorkloadIdentityError"',
    ),
    LookAlike(
        "oracle dsn",
        'params = {"dsn": "hostname:port/myservice?expire_time=60"}',
        "hostname:port/myservice?expire_time=60",
    ),
    LookAlike(
        "login with variables", "server.login(user, password)", "server.login(user, password)"
    ),
    LookAlike("auth tuple from settings", 'auth=(settings.USER, "")', 'auth=(settings.USER, "")'),
    LookAlike("auth tuple, dev default", 'auth=("admin", "admin")', '("admin", "admin")'),
    LookAlike(
        "max_tokens keyword", "client.messages.create(model=m, max_tokens=1024)", "max_tokens=1024"
    ),
    LookAlike(
        "dated beta header",
        'extra_headers = {"anthropic-beta": "managed-settings-2026-10-06"}',
        "managed-settings-2026-10-06",
    ),
    LookAlike(
        "dated class name",
        "class BetaClearToolUses20250919EditParam(TypedDict):",
        "BetaClearToolUses20250919EditParam",
    ),
    LookAlike(
        "sqlalchemy doc url",
        'engine = create_engine("mysql+pymysql://scott:tiger@localhost/test")',
        "scott:tiger@localhost",
    ),
    LookAlike(
        "commit link",
        "# taken from https://github.com/encode/httpx/blob/3ba5fe0d7ac70222590e759c31442b1cab263791/httpx/_config.py",
        "3ba5fe0d7ac70222590e759c31442b1cab263791",
    ),
    LookAlike(
        "env file comment",
        "# FLASK_SECRET=... goes in .flaskenv",
        "FLASK_SECRET=... goes in .flaskenv",
    ),
    LookAlike(
        "yaml secret reference",
        "db:\n  password: ${DB_PASSWORD}",
        "password: ${DB_PASSWORD}",
        "config/app.yaml",
    ),
    LookAlike(
        "shell export from a vault",
        "export DB_PASSWORD=$(vault read -field=pw db)",
        "$(vault read -field=pw db)",
        "deploy/run.sh",
    ),
)


def files() -> dict[str, str]:
    """The corpus as project files: every shape and look-alike of a file, blank-line separated."""
    out: dict[str, list[str]] = {}
    for item in (*SHAPES, *LOOK_ALIKES):
        out.setdefault(item.file, []).append(item.text)
    return {name: "\n\n".join(parts) + "\n" for name, parts in out.items()}
