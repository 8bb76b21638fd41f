"""FLK114: passwords hashed with a fast, unsalted digest."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code
from architect_tui.rules.base import Example, Rule

FAST = {
    "hashlib.md5",
    "hashlib.sha1",
    "hashlib.sha224",
    "hashlib.sha256",
    "hashlib.sha512",
    "hashlib.new",
}


class WeakPasswordHash(Rule):
    id = "FLK114"
    title = "Password hashed with a fast digest"
    severity = "high"
    category = "security"
    rationale = (
        "MD5/SHA digests are built to be fast: a leaked table of unsalted password hashes is "
        "cracked in seconds with a GPU or a lookup table. Use werkzeug.security's "
        "generate_password_hash / check_password_hash (scrypt or pbkdf2, salted)."
    )
    VALID = (
        Example("import hashlib\ndef etag(body):\n    return hashlib.md5(body).hexdigest()\n"),
        Example(
            "from werkzeug.security import generate_password_hash\n"
            "def set_password(self, password):\n"
            "    self.password_hash = generate_password_hash(password)\n"
        ),
    )
    INVALID = (
        Example(
            "import hashlib\n"
            "def set_password(self, password):\n"
            "    self.password_hash = hashlib.md5(password.encode()).hexdigest()\n"
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not (self.qnames(node, FAST) & FAST):
            return
        fn = self.function_at(node)
        context = (fn.name if fn else "") + code(node)
        if "passw" in context.lower():
            self.report(node, "Password hashed with a fast unsalted digest; use a password hash")
