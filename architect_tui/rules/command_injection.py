"""FLK117: code or a shell command built from request data (eval/exec, os.system, shell=True)."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import is_tainted
from architect_tui.rules.base import Example, Rule

# Always through a shell: the whole string is a command line.
SHELL_ALWAYS = {
    "os.system",
    "os.popen",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "commands.getoutput",
}
# Through a shell only with shell=True (a list of arguments runs no shell).
SHELL_IF_ASKED = {
    "subprocess.run",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "subprocess.Popen",
}
BUILTINS = {"eval", "exec"}


class CommandInjection(Rule):
    id = "FLK117"
    title = "Code or shell command built from request data"
    severity = "critical"
    category = "security"
    rationale = (
        "eval/exec run whatever code the client sends, and a shell runs whatever it finds after "
        "a ';', '|' or '$(': request data there is remote code execution. Parse the value "
        "(ast.literal_eval, json, int), map it to a fixed set of choices, or pass a list of "
        "arguments to subprocess without shell=True."
    )
    VALID = (
        Example(
            "import subprocess\nfrom flask import request\n"
            "@bp.post('/log')\ndef log():\n"
            '    ref = request.form.get("ref", "HEAD")\n'
            '    return subprocess.run(["git", "log", "-1", "--", ref], capture_output=True).stdout\n'
        ),
        Example("import os\ndef build():\n    os.system('make assets')\n"),
        Example(
            "import ast\nfrom flask import request\n"
            "@bp.get('/calc')\ndef calc():\n"
            "    return str(ast.literal_eval(request.args['expr']))\n"
        ),
        # a project function that happens to be called eval (a model evaluation helper)
        Example(
            "from flask import request\nfrom app.models import evaluate as eval\n"
            "@bp.post('/score')\ndef score():\n    return eval(request.get_json())\n"
        ),
        # a command line from configuration, run by a CLI command: no request in sight
        Example(
            "import subprocess\nfrom flask import current_app\n"
            "@app.cli.command()\ndef backup():\n"
            '    subprocess.run(current_app.config["BACKUP_CMD"], shell=True)\n'
        ),
    )
    INVALID = (
        Example(
            "import os\nfrom flask import request\n"
            "@bp.get('/ping')\ndef ping():\n"
            '    host = request.args["host"]\n'
            '    return str(os.system("ping -c 1 " + host))\n'
        ),
        Example(
            "import subprocess\nfrom flask import request\n"
            "@bp.post('/thumb')\ndef thumb():\n"
            '    name = request.form["name"]\n'
            '    subprocess.check_output(f"convert {name} -resize 64 out.png", shell=True)\n'
            '    return "ok"\n'
        ),
        Example(
            "from flask import request\n"
            "@bp.get('/calc')\ndef calc():\n"
            '    return str(eval(request.args.get("expr", "0")))\n'
        ),
        Example(
            "from flask import request\n"
            "@bp.post('/hook')\ndef hook():\n"
            '    code = request.get_json()["code"]\n'
            "    exec(code)\n"
            '    return ""\n'
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if not node.args:
            return
        func = node.func
        if isinstance(func, cst.Name) and func.value in BUILTINS:
            if func.value in self.context.file.aliases or func.value in self.context.file.rebound:
                return  # the project's own eval/exec (imported or defined under that name)
            what = f"{func.value}() runs"
        else:
            names = self.qnames(node, SHELL_ALWAYS | SHELL_IF_ASKED)
            if not names:
                return
            if names & SHELL_IF_ASKED and not _shell_true(node):
                return
            what = "the shell runs"
        command = _command(node)
        if command is None:
            return
        if is_tainted(command, self.function_at(node), self.context.file):
            self.report(node, f"{what} code built from request data (remote code execution)")


def _shell_true(call: cst.Call) -> bool:
    return any(
        arg.keyword is not None
        and arg.keyword.value == "shell"
        and not (isinstance(arg.value, cst.Name) and arg.value.value in {"False", "None"})
        for arg in call.args
    )


def _command(call: cst.Call) -> cst.BaseExpression | None:
    """The code or command line: the first positional argument, or ``args=`` / ``cmd=``."""
    for arg in call.args:
        if arg.keyword is None and not arg.star:
            return arg.value
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in {"args", "cmd", "source", "command"}:
            return arg.value
    return None
