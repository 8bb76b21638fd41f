"""The offline architect: the same ``Review`` as the LLM, from local rules.

No key, no network: the rules in ``rules`` run over the project (facts from every file,
findings from the selected part), and the result is written in the reviewer's answer format so
the UI, ``architect review --offline`` and the apply path treat it like an LLM review. Proposed
changes are the rules' LibCST fixes for the selected findings only, as git-style unified diffs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar

from architect_tui.analysis.model import ProjectMap
from architect_tui.analysis.selection import Selection
from architect_tui.config import Settings
from architect_tui.review.model import SEVERITIES, Finding, Review, severity_rank

T = TypeVar("T")


class ChangeScope(Protocol):
    """A change set as the offline review narrows to it (``vcs.changeset.ChangeSet``)."""

    @property
    def paths(self) -> list[str]: ...

    def keep(self, findings: Iterable[T]) -> list[T]: ...


if TYPE_CHECKING:  # the rules import LibCST: loaded on the first review, not with this module
    from architect_tui.rules.base import Violation
    from architect_tui.rules.engine import CheckResult

# Lenses that narrow the local findings to their categories; others ("full") keep everything.
LENS_CATEGORIES: dict[str, set[str]] = {
    "security": {"security"},
    "database": {"database"},
    "performance": {"database", "performance"},
    "errors": {"errors"},
    "rest": {"rest"},
    "structure": {"structure"},
    "tests": set(),
}


def offline_review(
    project: ProjectMap,
    selection: Selection | None,
    settings: Settings,
    lens: str = "full",
    *,
    within: ChangeScope | None = None,
) -> Review:
    """Run the local rules over the selection (or the whole project when None); ``within`` (a
    change set) keeps only the findings on lines it touched."""
    root = project.root
    chosen, result = _violations(project, selection, settings, lens, within)
    # Only autofixes become the review's changes (what "accept all" applies); suggestions
    # change behaviour and are shown in the text for the user to take or leave.
    changes = result.diff_for(chosen, "autofix")  # sets Violation.fixed for what applies
    suggestions = result.diff_for(chosen, "suggestion")
    findings = [to_finding(v) for v in chosen]
    target = selection.label if selection is not None else root.name
    errors = [f"{e.file}:{e.line}: {e.message}" for e in result.errors]
    markdown = render_markdown(target, lens, findings, chosen, changes, errors, suggestions)
    return Review(
        target=target,
        model="offline",
        lens=lens,
        markdown=markdown,
        findings=findings,
        changes=changes,
        source="local",
        # the files the rules read for this scope: their fixes are what the review is about,
        # so `architect apply` and the changes view do not take them for writes outside it
        context_files=sorted(result.modules),
    )


def local_findings(
    project: ProjectMap, selection: Selection | None, settings: Settings, lens: str = "full"
) -> list[Finding]:
    """The local findings for a selection, most severe first, without computing fixes: cheap
    grounding hints to put in the LLM's context next to the selected code."""
    return [to_finding(v) for v in _violations(project, selection, settings, lens)[0]]


def to_finding(violation: Violation) -> Finding:
    """A ``Finding`` as the review panel shows it, marked local, with the rule's rationale."""
    from architect_tui.rules.report import rule_of, severity_of

    rule = rule_of(violation)
    fix = ""
    if violation.fixed:
        fix = (
            " A suggested change (it changes behaviour: review it before taking it) is below."
            if violation.suggestion
            else " An automatic fix is in the proposed changes."
        )
    return Finding(
        severity=severity_of(violation),  # type: ignore[arg-type]
        category=rule.category,
        title=rule.title,
        file=violation.file,
        line=violation.line,
        detail=f"{violation.message}. {rule.rationale}{fix} ({rule.id})",
        rule=rule.id,
        source="local",
        end_line=violation.end_line,
    )


def format_hints(findings: list[Finding]) -> str:
    """One line per local finding, for a prompt: ``- [high] FLK104 path:line: message``."""
    return "\n".join(
        f"- [{f.severity}] {f.rule} {f.file}:{f.line}: {f.detail.split('. ')[0]}" for f in findings
    )


def _violations(
    project: ProjectMap,
    selection: Selection | None,
    settings: Settings,
    lens: str,
    within: ChangeScope | None = None,
) -> tuple[list[Violation], CheckResult]:
    from architect_tui.rules.engine import check_project
    from architect_tui.rules.report import rule_of, severity_of
    from architect_tui.rules.scope import scope_files

    files = _selected_files(project, selection) if within is None else within.paths
    # Only what the selection needs is parsed: its files, what they import, the app's setup.
    scope = scope_files(project, files) if files is not None and project.files else None
    result = check_project(
        project.root,
        project=project,
        ignore=settings.ignore_rules,
        files=scope,
        only=files,
        fixes=False,
    )
    chosen = [v for v in result.violations if _selected(v, project, selection)]
    if within is not None:
        chosen = within.keep(chosen)
    categories = LENS_CATEGORIES.get(lens)
    if categories is not None:
        chosen = [v for v in chosen if rule_of(v).category in categories]
    chosen.sort(key=lambda v: (severity_rank(severity_of(v)), v.file, v.line))
    return chosen, result


def _selected_files(project: ProjectMap, selection: Selection | None) -> list[str] | None:
    if selection is None:
        return None
    files = {selection.file}
    if selection.kind == "blueprint" and selection.blueprint:
        files |= {r.span.file for r in project.routes_of(selection.blueprint)}
    return sorted(files)


def _selected(v: Violation, project: ProjectMap, selection: Selection | None) -> bool:
    if selection is None:
        return True
    if selection.kind == "blueprint" and selection.blueprint:
        for route in project.routes_of(selection.blueprint):
            if v.file == route.span.file and route.span.line <= v.line <= route.span.end_line:
                return True
    if v.file != selection.file:
        return False
    if selection.start is None or selection.end is None:
        return True
    return selection.start <= v.line <= selection.end


def render_markdown(
    target: str,
    lens: str,
    findings: list[Finding],
    violations: list[Violation],
    changes: str,
    errors: list[str],
    suggestions: str = "",
) -> str:
    """The reviewer's answer format (Summary, Findings, Proposed changes) for local findings."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    fixed = sum(1 for v in violations if v.fixed and not v.suggestion)
    lines = ["## Summary"]
    if findings:
        spread = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        lines.append(
            f"Offline review of `{target}` by the local Flask rules ({lens} lens, no model): "
            f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ({spread}). "
            + _fix_sentence(fixed, len(findings))
            + "The rules check known Flask pitfalls only, not design or business logic."
        )
    else:
        lines.append(
            f"Offline review of `{target}` by the local Flask rules ({lens} lens, no model): no "
            "known pitfall found. The rules check known Flask pitfalls only, not design or "
            "business logic."
        )
    lines += ["", "## Findings"]
    if not findings:
        lines.append("None.")
    for finding in findings:
        lines += [
            "",
            f"### [{finding.severity}] {finding.category}: {finding.title}",
            f"Location: `{finding.file}:{finding.line}`",
            finding.detail,
        ]
    lines += ["", "## Proposed changes"]
    lines += ["```diff", changes.rstrip("\n"), "```"] if changes else ["None."]
    if suggestions:
        # Quoted, not fenced: the patch extractor must not pick these up with the autofixes.
        lines += [
            "",
            "## Suggested changes",
            "These change behaviour (a status code, a required environment variable), so they "
            "are not applied with the fixes; copy what you want:",
            "",
        ]
        lines += ["> " + line if line else ">" for line in suggestions.rstrip("\n").split("\n")]
    if errors:
        lines += ["", "## Missing context", "Files the rules could not read:"]
        lines += [f"- {e}" for e in errors]
    return "\n".join(lines) + "\n"


def _fix_sentence(fixed: int, total: int) -> str:
    if fixed == 0:
        return "None has an automatic fix; each says what to change. "
    if fixed == total:
        return (
            "Each comes with an automatic fix below. "
            if total > 1
            else ("It comes with an automatic fix below. ")
        )
    return f"{fixed} of them come with an automatic fix below; the others say what to change. "
