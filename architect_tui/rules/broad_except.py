"""FLK301: bare ``except:`` anywhere, or ``except Exception: pass`` in request code."""

from __future__ import annotations

import libcst as cst

from architect_tui.rules._util import code, has_module_logger, source_text
from architect_tui.rules.base import Example, ImportRequest, Rule


def _silent(body: cst.BaseSuite) -> bool:
    """An indented body of one ``pass`` or ``...`` statement."""
    if not isinstance(body, cst.IndentedBlock) or len(body.body) != 1:
        return False
    line = body.body[0]
    if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
        return False
    small = line.body[0]
    return isinstance(small, cst.Pass) or (
        isinstance(small, cst.Expr) and isinstance(small.value, cst.Ellipsis)
    )


class BroadExcept(Rule):
    id = "FLK301"
    title = "Errors swallowed by a bare or silent except"
    severity = "medium"
    category = "errors"
    rationale = (
        "A bare except also catches KeyboardInterrupt and SystemExit; 'except Exception: pass' "
        "hides every bug (and every attack) as a quiet success. Catch what you expect, and at "
        "least log the rest with its traceback (logger.exception)."
    )
    VALID = (
        Example("try:\n    x = int(v)\nexcept ValueError:\n    x = 0\n"),
        Example("try:\n    work()\nexcept Exception:\n    log.exception('work failed')\n"),
    )
    INVALID = (
        Example(
            "def load():\n    try:\n        return parse()\n    except:\n        return {}\n",
            expected=(
                "import logging\n\n"
                "def load():\n    try:\n        return parse()\n    except Exception:\n"
                '        logging.getLogger(__name__).exception("Unexpected error in load")\n'
                "        return {}\n"
            ),
        ),
        Example(
            "from flask import current_app, request\n"
            "def send():\n    try:\n        mail(request.form)\n    except Exception:\n        pass\n",
            expected=(
                "from flask import current_app, request\n"
                "def send():\n    try:\n        mail(request.form)\n    except Exception:\n"
                '        current_app.logger.exception("Unexpected error in send")\n'
            ),
        ),
    )

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        silent = _silent(node.body)
        bare = node.type is None
        broad = not bare and code(node.type) in {"Exception", "BaseException"}
        if not (bare or (broad and silent and self.in_request_code(node))):
            return
        fn = self.function_at(node)
        where = fn.name if fn else "module"
        if fn is not None and fn.request_code:
            log = f'current_app.logger.exception("Unexpected error in {where}")'
            imports = (ImportRequest("flask", "current_app"),)
        else:
            logger = has_module_logger(self.context.source)
            log = (
                f'{logger}.exception("Unexpected error in {where}")'
                if logger
                else f'logging.getLogger(__name__).exception("Unexpected error in {where}")'
            )
            imports = () if logger else (ImportRequest("logging"),)
        logs = "exception(" in source_text(node.body) or "raise" in source_text(node.body)

        def fix(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.ExceptHandler)
            new = updated
            if new.type is None:
                new = new.with_changes(
                    type=cst.Name("Exception"),
                    whitespace_after_except=cst.SimpleWhitespace(" "),
                )
            if logs:
                return new
            statement = cst.parse_statement(log + "\n")
            body = list(new.body.body)
            body = [statement] if silent else [statement, *body]
            return new.with_changes(body=new.body.with_changes(body=body))

        message = (
            "Bare except: also catches KeyboardInterrupt/SystemExit and hides bugs"
            if bare
            else "except Exception: pass silently drops the error"
        )
        self.report(node, message, fix=fix, imports=() if logs else imports)
