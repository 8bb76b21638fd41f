"""The offline architect's rules: one module per rule, one engine, one registry.

Public calls (imported from their modules so that importing this package stays free)::

    from architect_tui.rules.engine import check_project, check_sources
    result = check_project(root, project=None, ignore=(), only=None, fixes=True)  # CheckResult
    result.violations            # list[Violation], sorted by file and line
    result.diff()                # every fix, one git-style unified diff per file
    result.diff_for(violations)  # the fixes of these violations only

    from architect_tui.rules.report import format_text, format_sarif, format_json
    from architect_tui.rules.registry import ALL_RULES, RULES_BY_ID

``architect_tui.review.offline.offline_review`` wraps them into a ``Review``.
"""
