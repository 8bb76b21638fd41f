"""Writing a plan: the accepted hunks of every file, checkpoint first, each file atomically."""

from __future__ import annotations

from pathlib import Path

from architect_tui.patch.model import ApplyPlan, ApplyReport, FilePlan, FileReport
from architect_tui.patch.plan import plan_file
from architect_tui.vcs.model import FileChange
from architect_tui.vcs.paths import resolve_inside
from architect_tui.vcs.write import missing_dirs, write_with_checkpoint


def _current_bytes(root: Path, rel: str) -> bytes | None:
    check = resolve_inside(root, rel)
    if check.path is None or not check.path.is_file():
        return None
    return check.path.read_bytes()


def _changes(fp: FilePlan, root: Path) -> list[FileChange]:
    """The FileChanges writing ``fp`` needs (two for a rename: the new file and the old one)."""
    if fp.kind == "delete":
        return [FileChange(fp.path, fp.old_bytes, None, fp.old_mode, None)]
    if fp.kind == "new":
        return [FileChange(fp.path, None, fp.new_bytes, None, None, missing_dirs(root, fp.path))]
    if fp.kind == "rename" and fp.old_path and fp.old_path != fp.path:
        return [
            FileChange(fp.path, None, fp.new_bytes, None, fp.old_mode, missing_dirs(root, fp.path)),
            FileChange(fp.old_path, fp.old_bytes, None, fp.old_mode, None),
        ]
    return [FileChange(fp.path, fp.old_bytes, fp.new_bytes, fp.old_mode, fp.old_mode)]


def _stale(fp: FilePlan, root: Path) -> str | None:
    """Why the file on disk no longer matches the plan (edited after the preview), or None."""
    if fp.kind == "new":
        return (
            f"{fp.path} appeared since the preview"
            if _current_bytes(root, fp.path) is not None
            else None
        )
    if _current_bytes(root, fp.old_path or fp.path) != fp.old_bytes:
        return f"{fp.old_path or fp.path} changed since the preview"
    if fp.kind == "rename" and _current_bytes(root, fp.path) is not None:
        return f"{fp.path} appeared since the preview"
    return None


def apply(
    plan: ApplyPlan,
    root: Path,
    *,
    accepted: set[tuple[str, int]] | None = None,
    partial: bool = False,
    dry_run: bool = False,
    message: str = "",
    consent: bool = True,
) -> ApplyReport:
    """Write the accepted hunks of ``plan`` (default: every hunk that matched).

    Without ``partial``, any failed hunk or refused file means nothing is written (all or
    nothing); with it, what matched is written and the rest reported. ``accepted`` holds
    (path, 1-based hunk index) pairs; hunks left out are reported but not written.
    ``consent=False`` (a headless apply without ``--allow-outside``): files whose plan carries
    ``consent`` reasons (outside the selection, or running code on their own) are refused.
    """
    root = Path(root)
    keys = plan.applicable() if accepted is None else accepted & plan.applicable()
    reports: list[FileReport] = []
    writes: list[tuple[FilePlan, FileReport]] = []
    blocked = False
    for fp in plan.files:
        wanted = {i for (path, i) in keys if path == fp.path}
        report = FileReport(fp.path, "unchanged", list(fp.hunks), fp.reason, [], list(fp.warnings))
        reports.append(report)
        if fp.consent and not consent and fp.status != "refused":
            report.status = "refused"
            report.reason = "not asked for: " + "; ".join(fp.consent)
            blocked = True
            continue
        if fp.status == "refused":
            report.status = "refused"
            blocked = True
            continue
        if any(not h.ok for h in fp.hunks):
            blocked = True
            report.status = "failed"
        if fp.status == "unchanged" or not wanted:
            continue
        stale = _stale(fp, root)
        if stale:
            report.status, report.reason = "refused", stale
            blocked = True
            continue
        target = fp
        all_ok = {h.index for h in fp.hunks if h.actionable}
        if fp.kind in ("modify", "rename") and (
            wanted != all_ok or any(not h.ok for h in fp.hunks)
        ):
            if fp.file_patch is None:  # a plan built by hand, without its source patch
                report.status, report.reason = "failed", "the plan has no patch to recompute"
                blocked = True
                continue
            done = {h.index for h in fp.hunks if h.status == "already_applied"}
            target = plan_file(fp.file_patch, root, None, only=wanted | done)
            if target.status == "refused" or any(not h.ok for h in target.hunks):
                report.status = "refused" if target.status == "refused" else "failed"
                report.reason = target.reason or "the accepted hunks no longer apply together"
                blocked = True
                continue
        if target.new_bytes == target.old_bytes and fp.kind == "modify":
            continue
        report.status = "would_apply" if dry_run else "applied"
        report.applied_hunks = sorted(wanted)
        writes.append((target, report))
    if blocked and not partial:
        for report in reports:
            if report.status in ("applied", "would_apply"):
                report.status = "unchanged"
                report.applied_hunks = []
        return ApplyReport(
            False,
            None,
            reports,
            dry_run,
            reason="some changes cannot be applied; nothing was written",
        )
    if dry_run or not writes:
        return ApplyReport(False, None, reports, dry_run)
    changes = [c for target, _ in writes for c in _changes(target, root)]
    result = write_with_checkpoint(root, changes, message)
    applied = bool(result.written)
    if result.error:
        written = set(result.written)
        for target, report in writes:
            paths = {c.path for c in _changes(target, root)}
            if not paths <= written:
                # stale: the file changed after planning (another apply, an editor): refused
                report.status = "refused" if result.stale else "failed"
                report.reason = f"not written: {result.error}"
        reason = f"{'refused' if result.stale else 'write failed'} ({result.error})"
        if result.checkpoint:
            reason += "; 'architect undo' restores every file"
        return ApplyReport(applied, result.checkpoint, reports, dry_run, reason=reason)
    return ApplyReport(applied, result.checkpoint, reports, dry_run)
