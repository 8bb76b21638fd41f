"""FLK110: TLS certificate checks switched off."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules.base import Example, Rule


class TlsVerifyOff(Rule):
    id = "FLK110"
    title = "TLS verification disabled (verify=False)"
    severity = "high"
    category = "security"
    rationale = (
        "verify=False accepts any certificate: anyone on the network path can read the bearer "
        "token and rewrite the answer. Point verify= (or REQUESTS_CA_BUNDLE) at the right CA "
        "when the peer uses a private one."
    )
    VALID = (
        Example("import requests\nrequests.get(url, timeout=5)\n"),
        Example('import requests\nrequests.get(url, verify="/etc/ssl/corp-ca.pem", timeout=5)\n'),
    )
    INVALID = (Example("import requests\nrequests.get(url, verify=False, timeout=5)\n"),)

    def visit_Arg(self, node: cst.Arg) -> None:
        keyword = node.keyword  # cheap test first: every argument of the project passes here
        if keyword is None or keyword.value != "verify":
            return
        if isinstance(node.value, cst.Name) and node.value.value == "False":
            self.report(node, "verify=False turns off certificate checks")
