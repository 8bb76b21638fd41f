"""Run the proposed-change corpus through three appliers and print right / refused / wrong.

    .venv/bin/python bench/bench_apply.py

- ours: ``architect_tui.patch`` (extract -> plan -> apply, all or nothing; ``--partial`` where
  the case asks for it, as the CLI would be called)
- ``git apply`` (plain) in a throwaway repository
- GNU ``patch -p1 --fuzz=3`` (``-p0`` when the headers have no a/ b/ prefixes)

git and patch get the fenced bodies of the answer (or the whole answer when it has no fence), as
a user would paste them. "right" means the exact expected bytes (for a case that must be refused,
an untouched project); "refused" means the project was left untouched when a change was expected;
"wrong" is anything else: bytes nobody asked for. Also prints ours' time per case.

Then hostile input at scale (issue 14), in this process, with time and peak traced memory:
one file with 1k / 2k / 4k / 10k hunks (extract + plan + dry-run apply; near-linear since
matching looks at the stated line first and whole-file diffs are computed on demand), a result
nesting 3,000 parentheses (refused by the guard, no parser crash), and a 9 MB diff (just
under the CLI's 10 MB input cap; larger input is refused before it is parsed). Peak resident
memory is the process's (the corpus run included), in MB.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "unit" / "patch"))
sys.path.insert(0, str(HERE.parent))

from patch_corpus import Case, load_cases, tree, verdict  # noqa: E402

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n(.*?)^ {0,3}\1\s*$", re.M | re.S)


def fenced_bodies(text: str) -> str:
    bodies = [m.group(2) for m in FENCE.finditer(text)]
    return "".join(bodies) if bodies else text


def run_ours(case: Case, base: Path) -> str:
    from architect_tui.patch import apply, extract_changes, plan

    root = case.materialise(base)
    patch = extract_changes(case.answer(root), root, incomplete=case.meta["incomplete"])
    apply(plan(patch, root), root, partial=case.meta["partial"])
    return verdict(case, tree(root))


def run_git(case: Case, base: Path) -> str:
    root = case.materialise(base)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    diff = fenced_bodies(case.answer(root))
    subprocess.run(
        ["git", "apply", "-"], cwd=root, input=diff.encode(), capture_output=True, check=False
    )
    return verdict(case, tree(root))


def run_patch(case: Case, base: Path) -> str:
    root = case.materialise(base)
    diff = fenced_bodies(case.answer(root))
    strip = "-p1" if re.search(r"^(---|\+\+\+) [ab]/", diff, re.M) else "-p0"
    subprocess.run(
        [
            "patch",
            strip,
            "--fuzz=3",
            "--batch",
            "--forward",
            "--no-backup-if-mismatch",
            "-r",
            "-",
            "-s",
        ],
        cwd=root,
        input=diff.encode(),
        capture_output=True,
        check=False,
    )
    return verdict(case, tree(root))


def many_hunks(n: int) -> tuple[str, str]:
    """A file of ``n`` small functions and a diff changing each one (one hunk per function)."""
    src = "".join(f"def f{i}(x):\n    y = x + {i}\n    return y\n\n\n" for i in range(n))
    body = [
        f"@@ -{5 * i + 1},3 +{5 * i + 1},3 @@\n def f{i}(x):\n-    y = x + {i}\n"
        f"+    y = x - {i}\n     return y"
        for i in range(n)
    ]
    return src, "```diff\n--- a/big.py\n+++ b/big.py\n" + "\n".join(body) + "\n```\n"


def measure(src: str, text: str) -> tuple[float, float, str]:
    """(seconds, peak resident MB of the process so far, outcome) of extract + plan + dry-run
    apply on one file. Inputs grow, so the running peak is this input's peak."""
    from architect_tui.patch import apply, extract_answer, plan

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "big.py").write_text(src)
        start = time.perf_counter()
        the_plan = plan(extract_answer(text, root), root)
        report = apply(the_plan, root, dry_run=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    statuses = Counter(h.status for f in the_plan.files for h in f.hunks)
    files = Counter(f.status for f in report.files)
    return seconds, peak, f"files {dict(files)} hunks {dict(statuses)}"


def scale() -> None:
    print("\nhostile input at scale (extract + plan + dry-run apply, one process)")
    print(f"{'input':<34} {'seconds':>8} {'peak RSS':>8}   outcome")
    for n in (1_000, 2_000, 4_000, 10_000):
        seconds, peak, outcome = measure(*many_hunks(n))
        print(f"{f'{n:,} hunks in one file':<34} {seconds:>8.2f} {peak:>8.1f}   {outcome}")
    nested = "```diff\n--- a/big.py\n+++ b/big.py\n@@ -1 +1 @@\n-x = 1\n+x = "
    nested += "(" * 3000 + "1" + ")" * 3000 + "\n```\n"
    seconds, peak, outcome = measure("x = 1\n", nested)
    print(f"{'result nesting 3,000 parentheses':<34} {seconds:>8.2f} {peak:>8.1f}   {outcome}")
    n = 9_000_000 // 60
    big = "```diff\n--- a/big.py\n+++ b/big.py\n@@ -1 +1," + str(n + 1) + " @@\n-x = 1\n+x = 2\n"
    big += "".join(f"+value_{i:08d} = {i:08d}  # padding to a 9 MB answer.....\n" for i in range(n))
    seconds, peak, outcome = measure("x = 1\n", big + "```\n")
    label = f"a {len(big) / 1e6:.0f} MB diff (one new-lines hunk)"
    print(f"{label:<34} {seconds:>8.2f} {peak:>8.1f}   {outcome}")


def main() -> int:
    cases = load_cases()
    tools = {"ours": run_ours}
    tools["git apply"] = run_git if shutil.which("git") else None  # type: ignore[assignment]
    tools["patch --fuzz=3"] = run_patch if shutil.which("patch") else None  # type: ignore[assignment]
    results: dict[str, Counter[str]] = {}
    wrong: dict[str, list[str]] = {}
    elapsed = 0.0
    for name, runner in tools.items():
        if runner is None:
            print(f"{name:<16} not installed")
            continue
        counts: Counter[str] = Counter()
        for case in cases:
            with tempfile.TemporaryDirectory() as tmp:
                start = time.perf_counter()
                outcome = runner(case, Path(tmp))
                if name == "ours":
                    elapsed += time.perf_counter() - start
            counts[outcome] += 1
            if outcome == "wrong":
                wrong.setdefault(name, []).append(case.name)
        results[name] = counts
    n = len(cases)
    print(f"corpus: {n} cases ({sum(not c.expects_change for c in cases)} must be refused)\n")
    print(f"{'applier':<16} {'right':>7} {'refused':>8} {'wrong':>6}   right%")
    for name, c in results.items():
        print(
            f"{name:<16} {c['right']:>7} {c['refused']:>8} {c['wrong']:>6}   {100 * c['right'] / n:5.1f}%"
        )
    for name, names in wrong.items():
        print(f"\nwrong ({name}): {', '.join(names)}")
    print(
        f"\nours: {1000 * elapsed / n:.1f} ms per case (copy + extract + plan + apply + checkpoint)"
    )
    scale()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
