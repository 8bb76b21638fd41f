"""Secrets corpus: recall and false positives of our redactor against detect-secrets.

    .venv/bin/python bench/bench_secrets.py

The corpus is ``tests/support/secrets_corpus.py``, written out as project files. A secret
shape counts as caught when none of its fragments survives in the redacted text; a look-alike
counts as a false positive when its kept text no longer appears verbatim.

- ours: ``architect_tui.review.redact.Redactor`` over each file, as a review sends it;
- real code: the Flask projects under ``tests/realworld`` and ``examples`` (not written for
  this corpus): how many findings, by kind, so false positives on code nobody tuned for show;
- ``--packages``: the same over installed packages (flask, werkzeug, sqlalchemy, requests,
  jinja2, wtforms, click, urllib3, anthropic, httpx, textual...): ~650k lines nobody wrote for
  this corpus, so nearly every finding there is a false positive; prints the most common;
- detect-secrets (when installed): ``SecretsCollection.scan_file`` with its default plugins
  and filters, each reported value replaced on its line (what a redactor built on it could
  do: it reports values per line, not spans).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from architect_tui.review.redact import Redactor  # noqa: E402
from tests.support.secrets_corpus import LOOK_ALIKES, SHAPES, files  # noqa: E402


def ours(project: dict[str, str], root: Path) -> str:
    redactor = Redactor()
    return "\n".join(redactor.redact(text, name) for name, text in project.items())


def detect_secrets_redactor(project: dict[str, str], root: Path) -> str | None:
    try:
        from detect_secrets import SecretsCollection
        from detect_secrets.settings import default_settings
    except ImportError:
        return None
    out: list[str] = []
    with default_settings():
        for name, text in project.items():
            collection = SecretsCollection()
            collection.scan_file(str(root / name))
            lines = text.split("\n")
            for _, secret in collection:
                value = secret.secret_value or ""
                i = secret.line_number - 1
                if value and 0 <= i < len(lines):
                    lines[i] = lines[i].replace(value, "«REDACTED»")
            out.append("\n".join(lines))
    return "\n".join(out)


def score(sent: str) -> tuple[int, int, list[str], list[str]]:
    missed = [s.label for s in SHAPES if any(frag in sent for frag in s.leaks)]
    false = [a.label for a in LOOK_ALIKES if a.kept not in sent]
    return len(SHAPES) - len(missed), len(false), missed, false


def main() -> None:
    project = files()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in project.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        print(
            f"corpus: {len(SHAPES)} secret shapes, {len(LOOK_ALIKES)} look-alikes, "
            f"{len(project)} files"
        )
        for label, run in (("ours", ours), ("detect-secrets", detect_secrets_redactor)):
            began = time.perf_counter()
            sent = run(project, root)
            seconds = time.perf_counter() - began
            if sent is None:
                print(f"{label:15s} not installed")
                continue
            caught, false, missed, flagged = score(sent)
            print(
                f"{label:15s} recall {caught}/{len(SHAPES)} ({caught / len(SHAPES):.0%})  "
                f"false positives {false}/{len(LOOK_ALIKES)}  {seconds * 1000:.0f} ms"
            )
            for m in missed:
                print(f"    missed: {m}")
            for f in flagged:
                print(f"    false positive: {f}")
        real_world()
        hostile()
        big = "\n".join(project.values()) * 40
        began = time.perf_counter()
        Redactor().redact(big, "big.py")
        seconds = time.perf_counter() - began
        print(
            f"ours on {len(big.splitlines())} lines: {seconds * 1000:.0f} ms "
            f"({len(big.splitlines()) / seconds:,.0f} lines/s)"
        )


HOSTILE = {
    "a literal then 20k spaces": '"a"' + " " * 20000 + "x",
    "a secret name then 20k spaces": "SECRET_KEY:" + " " * 20000 + "x",
    "5k URLs on one line": "http://" * 5000,
    "10k concatenated literals": '"a" ' * 10000,
    "a 50k-char identifier": "a" * 50000 + " = 'Zx81KqLm3Nv5Bp7Cr9Dt2Fw4Gy6Hj8K'",
    "2k BEGIN markers, no END": "-----BEGIN PRIVATE KEY-----\n" * 2000,
    "50k newlines": "\n" * 50000,
}


def hostile() -> None:
    """Texts built to make regexes backtrack: each should take time linear in its size."""
    from architect_tui.secrets import find_secrets

    for label, text in HOSTILE.items():
        began = time.perf_counter()
        find_secrets(text, "x.py")
        find_secrets(text, "run.sh")
        ms = (time.perf_counter() - began) * 1000
        print(f"hostile: {label:32s} {len(text):6d} chars {ms:6.0f} ms")


def real_world() -> None:
    """Findings in real projects' Python files (most should be none: they hold few secrets)."""
    from collections import Counter

    from architect_tui.secrets import find_secrets

    kinds: Counter[str] = Counter()
    where: Counter[str] = Counter()
    lines = count = 0
    for base in (HERE.parent / "tests" / "realworld", HERE.parent / "examples"):
        for path in sorted(base.rglob("*.py")):
            text = path.read_text("utf-8", errors="replace")
            lines += text.count("\n")
            count += 1
            for found in find_secrets(text, path.name):
                kinds[found.kind] += 1
                where[str(path.relative_to(HERE.parent))] += 1
    total = sum(kinds.values())
    print(f"real code: {count} files, {lines} lines, {total} findings {dict(kinds)}")
    for file, n in where.most_common():
        print(f"    {n} in {file}")


PACKAGES = [
    "flask",
    "werkzeug",
    "sqlalchemy",
    "requests",
    "jinja2",
    "flask_sqlalchemy",
    "flask_wtf",
    "wtforms",
    "itsdangerous",
    "click",
    "urllib3",
    "anthropic",
    "httpx",
    "flask_restx",
    "textual",
]


def installed_packages() -> None:
    """Findings in installed packages' code: false positives at scale."""
    import importlib.util
    from collections import Counter

    from architect_tui.secrets import find_secrets

    values: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    lines = files = 0
    began = time.perf_counter()
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for path in sorted(Path(next(iter(spec.submodule_search_locations))).rglob("*.py")):
            text = path.read_text("utf-8", errors="replace")
            files += 1
            lines += text.count("\n")
            for found in find_secrets(text, path.name):
                kinds[found.kind] += 1
                values[found.secret[:48]] += 1
    seconds = time.perf_counter() - began
    total = sum(kinds.values())
    print(
        f"packages: {files} files, {lines} lines, {total} findings at {len(values)} distinct "
        f"values {dict(kinds)}, {lines / seconds:,.0f} lines/s"
    )
    for value, n in values.most_common(8):
        print(f"    {n:4d} x {value}")


if __name__ == "__main__":
    main()
    if "--packages" in sys.argv:
        installed_packages()
