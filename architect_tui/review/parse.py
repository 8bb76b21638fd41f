"""Read the reviewer's markdown back: findings for the list, diff text for the changes view.

The format is written in ``prompts/architect.md``; real models follow it loosely, so this reader
takes what they actually write (the corpus in ``tests/unit/review/answers`` holds the styles,
``bench/bench_answers.py`` prints how many findings come back whole):

- a finding is a heading (``##`` to ``######``), a bold line or a list item carrying a severity
  (``[high]``, ``(High)``, ``High:``, an emoji before it), or any sub-heading of a Findings
  section; numbering, emoji and bold around it are ignored;
- severity, category and location may instead be fields under it, on any line before the
  detail starts, bulleted or bold, in English or another language (``- **Severity:** high``,
  ``Ort:``, ``位置：``), with blank lines in between;
- a location is ``path:42``, ``path:42-50``, ``path#L42``, ``path line 42``, ``path, line 42``,
  `` `path` (line 42) ``, ``line 42 of path``, ``第42行``...; found in a field, else in the
  heading, else in the detail's first sentence-level mention;
- the whole answer wrapped in a ```markdown fence (models copy the prompt's example) is read as
  if it were not.

A heading it still cannot read is left in the markdown and not listed. The diff text collected
here (``changes``) is only a fallback: proposed changes are read by ``architect_tui.patch``
(see ``review/changes.py``), the same reader ``architect apply`` uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from architect_tui.review.model import SEVERITIES, Finding

CATEGORIES = (
    "security",
    "rest",
    "database",
    "errors",
    "structure",
    "tests",
    "performance",
    "other",
)
_SEVERITY_WORDS = {
    **{s: s for s in SEVERITIES},
    "major": "high",
    "minor": "low",
    "warning": "medium",
    "warn": "medium",
    "note": "info",
    "blocker": "critical",
    "moderate": "medium",
    "error": "high",
    "severe": "high",
    "important": "high",
    "trivial": "low",
    "nit": "low",
    "informational": "info",
    "information": "info",
    "suggestion": "info",
    "med": "medium",
    # other languages
    "kritisch": "critical",
    "hoch": "high",
    "mittel": "medium",
    "niedrig": "low",
    "gering": "low",
    "critique": "critical",
    "élevée": "high",
    "élevé": "high",
    "haute": "high",
    "moyenne": "medium",
    "moyen": "medium",
    "faible": "low",
    "basse": "low",
    "crítica": "critical",
    "crítico": "critical",
    "critica": "critical",
    "alta": "high",
    "alto": "high",
    "media": "medium",
    "medio": "medium",
    "baja": "low",
    "bajo": "low",
    "bassa": "low",
    "严重": "critical",
    "致命": "critical",
    "高": "high",
    "中": "medium",
    "低": "low",
    "提示": "info",
    "重大": "critical",
    "p0": "critical",
    "p1": "high",
    "p2": "medium",
    "p3": "low",
    "p4": "info",
    "치명적": "critical",
    "심각": "critical",
    "높음": "high",
    "중간": "medium",
    "보통": "medium",
    "낮음": "low",
    "정보": "info",
}
_EMOJI_SEVERITY = {
    "🔴": "high",
    "🟠": "high",
    "🟡": "medium",
    "🟢": "low",
    "🔵": "info",
    "⚪": "info",
}
_CATEGORY_WORDS = {
    **{c: c for c in CATEGORIES},
    "sec": "security",
    "auth": "security",
    "api": "rest",
    "http": "rest",
    "db": "database",
    "data": "database",
    "orm": "database",
    "sql": "database",
    "error": "errors",
    "error handling": "errors",
    "error-handling": "errors",
    "reliability": "errors",
    "perf": "performance",
    "design": "structure",
    "architecture": "structure",
    "maintainability": "structure",
    "testing": "tests",
    "test": "tests",
    "sicherheit": "security",
    "sécurité": "security",
    "seguridad": "security",
    "安全": "security",
    "性能": "performance",
}
_LOCATION_LABELS = {
    "location", "where", "file", "files", "path", "loc", "ort", "datei",
    "stelle", "fundstelle", "emplacement", "fichier", "ubicación", "ubicacion", "archivo",
    "posizione", "localização", "localizacao", "位置", "文件", "场所", "場所", "ファイル",
    "위치", "파일",
}  # fmt: skip
_SEVERITY_LABELS = {
    "severity", "sev", "priority", "impact", "risk", "level", "schweregrad", "schwere",
    "priorität", "sévérité", "gravité", "severidad", "gravedad", "gravità", "severità",
    "严重性", "严重程度", "严重级别", "级别", "等级", "重要度", "深刻度", "심각도", "우선순위",
}  # fmt: skip
_LINE_LABELS = {
    "line",
    "lines",
    "zeile",
    "zeilen",
    "ligne",
    "lignes",
    "línea",
    "linea",
    "行",
    "行号",
}
_TITLE_LABELS = {
    "issue", "finding", "title", "problem", "description", "summary", "what", "befund",
    "problème", "problema", "问题", "描述", "标题",
}  # fmt: skip
_CATEGORY_LABELS = {
    "category", "type", "area", "kind", "lens", "kategorie", "catégorie", "categoría",
    "categoria", "类别", "类型", "分类", "カテゴリ",
}  # fmt: skip

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,}|~{3,})\s*(?P<info>[\w+-]*)[^`]*$")
_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{2,6})\s+(?P<text>.*?)\s*#*\s*$")
# A finding that is not a heading: "**[high] ...", "- [high] ...", "1. **[HIGH]** ...".
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])?\s*(?P<text>(?:\*\*|__)?\W{0,4}\[[^\]]{2,30}\].*)$")
# "1. **Invoice is readable by anyone**" under Findings, its fields on the lines below
_BOLD_ITEM = re.compile(r"^\s{0,3}(?:\d+[.)]|[-*+])\s+\*\*(?P<text>[^*]{3,}?)\*\*\s*:?\s*$")
_FIELD = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*)?\s*(?P<label>[^:：*_`|\n]{1,30}?)\s*"
    r"(?:\*\*|__|\*)?\s*[:：]\s*(?:\*\*|__|\*)?\s*(?P<rest>.*?)\s*$"
)
_EXT = (
    r"py|pyi|html?|jinja2?|j2|txt|cfg|toml|ini|ya?ml|json|js|ts|css|sql|md|rst|env|sh|"
    r"conf|lock|in"
)
_PATH = rf"(?P<path>(?:[\w.@+-]+/)*[\w@+-][\w.@+-]*\.(?:{_EXT}))(?![\w/])"
_LINE_WORD = r"(?i:lines?|ln|l\.|zeilen?|lignes?|l[íi]neas?|righe|riga|行|linha)"
_AFTER_PATH = re.compile(
    r"[`'\"*]*(?:::[\w.]+[`'\"*]*)?"  # pytest-style path::function
    r"(?:"
    r"(?::|#L?|@)\s*L?(?P<line>\d+)(?::\d+)?(?:\s*[-–—]\s*L?(?P<end>\d+))?"
    r"|[`'\"*]*\s*[,(（:]?\s*(?:on\s+|at\s+|in\s+)?" + _LINE_WORD + r"\s*[:：]?\s*"
    r"(?P<line2>\d+)(?:\s*(?:[-–—]|to|bis|à|a|al|到)\s*(?P<end2>\d+))?"
    r"|[`'\"*]*\s*[,(（]?\s*L(?P<line3>\d+)(?:\s*[-–—]\s*L?(?P<end3>\d+))?"
    r"|[`'\"*]*\s*[,(（]?\s*第\s*(?P<line4>\d+)(?:\s*[-–—到]\s*(?P<end4>\d+))?\s*行"
    r")"
)
_PATH_RE = re.compile(_PATH)
_LINE_OF_PATH = re.compile(
    r"(?i:lines?|zeile|ligne|línea|linea)\s+(?P<line>\d+)(?:\s*[-–—]\s*(?P<end>\d+))?\s+"
    r"(?:of|in|von|de|dans|en|di)\s+[`'\"*]*" + _PATH
)
_BARE_SEVERITY = re.compile(
    r"^(?P<sev>[^\W\d_]+)\s*(?:[:—–|]|-\s)\s*(?P<rest>.+)$"
)  # "High: SQL injection"
_SECTION_WORDS = (
    "summary", "findings", "proposed", "changes", "missing", "context", "notes", "questions",
    "overview", "recommendations", "next steps", "zusammenfassung", "befunde", "résumé",
    "résultats", "resumen", "hallazgos", "总结", "摘要", "发现", "问题", "变更", "修改",
)  # fmt: skip
_FINDINGS_SECTIONS = (
    "finding",
    "issue",
    "problem",
    "befund",
    "résultat",
    "hallazgo",
    "发现",
    "问题",
)
_LOCATION_NONE = re.compile(r"^(?:n/?a|none|-|—|unknown|various|multiple|project[- ]wide)\b", re.I)


@dataclass(slots=True)
class ParsedAnswer:
    summary: str = ""
    findings: list[Finding] = field(default_factory=list)
    changes: str = ""  # every ```diff block, joined, each ending with a newline
    dropped_unfinished: bool = False  # an unclosed diff block (a cut answer) was left out


@dataclass(slots=True)
class _Draft:
    """A finding while its lines are read."""

    title: str
    severity: str | None = None
    category: str | None = None
    file: str | None = None
    line: int | None = None
    end_line: int | None = None
    located: bool = False  # a location field was read (even "n/a")
    soft: bool = False  # started by a bare title: a finding only if a severity or place follows
    detail: list[str] = field(default_factory=list)

    def finish(self) -> Finding | None:
        if self.severity is None and not self.title:
            return None
        if self.soft and self.severity is None and self.file is None:
            return None
        if self.file is None and not self.located:
            where = _first_location("\n".join(_prose(self.detail)))
            if where is not None:
                self.file, self.line, self.end_line = where
        return Finding(
            severity=self.severity or "info",  # type: ignore[arg-type]
            category=self.category or "other",
            title=self.title,
            file=self.file,
            line=self.line,
            detail="\n".join(self.detail).strip(),
            end_line=self.end_line,
        )


# ---- public API ----------------------------------------------------------------------------


def parse_answer(markdown: str, *, incomplete: bool = False) -> ParsedAnswer:
    """Findings and proposed diffs from the reviewer's markdown.

    An unclosed ```diff fence at the end (the answer was cut) is not collected into
    ``changes``; ``incomplete`` is accepted for symmetry with the caller.
    """
    del incomplete
    answer = ParsedAnswer()
    lines = unwrap_answer(markdown).splitlines()
    diffs: list[str] = []
    section = ""
    summary: list[str] = []
    current: _Draft | None = None
    in_fields = False  # still reading the fields under a finding's heading
    i = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            found = current.finish()
            if found is not None:
                answer.findings.append(found)
        current = None

    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            end, closed = _fence_end(lines, i, fence["ticks"])
            if fence["info"].lower() in {"diff", "patch", "udiff"}:
                if closed:
                    indent = len(fence["indent"])
                    body = lines[i + 1 : end]
                    diffs.append("\n".join(b[indent:] if b[:indent].isspace() else b for b in body))
                else:
                    answer.dropped_unfinished = True
            if current is not None:
                current.detail.extend(lines[i : end + 1])
                in_fields = False
            i = end + 1
            continue
        if line.lstrip().startswith("|") and (current is None or _is_findings(section)):
            rows, end = _table(lines, i)
            found = _table_findings(rows)
            if found:
                close()
                answer.findings.extend(found)
                i = end
                continue
        head = _HEADING.match(line)
        if head:
            text = head["text"]
            level = len(head["hashes"])
            parsed = _finding_head(text, in_findings=False)
            if parsed is None and level >= 3 and _is_findings(section) and not _is_section(text):
                parsed = _finding_head(text, in_findings=True)  # the fields below carry the rest
            if parsed is not None:
                close()
                current, in_fields = parsed, True
            elif level == 2 or _is_section(text):
                close()
                section = _clean(text).lower()
            elif current is not None:
                current.detail.append(line)
                in_fields = False
            i += 1
            continue
        # a list item or bold line with a [severity]: a finding under Findings (or before any
        # section), never a count in the summary ("- [high] 2 findings")
        listed = _is_findings(section) or not section
        # a new item may follow the fields of the previous one directly
        ready = current is None or not in_fields or bool(current.severity or current.file)
        item = _ITEM.match(line) if listed and ready else None
        if item and (current is None or not current.detail or _is_findings(section)):
            parsed = _finding_head(item["text"], in_findings=False, strict=True)
            if parsed is not None:
                close()
                current, in_fields = parsed, True
                i += 1
                continue
        bold = _BOLD_ITEM.match(line) if _is_findings(section) else None
        if bold and ready:
            parsed = _finding_head(bold["text"], in_findings=True)
            if parsed is not None:
                close()
                parsed.soft = parsed.severity is None
                current, in_fields = parsed, True
                i += 1
                continue
        if current is not None:
            if in_fields and _read_field(current, line):
                i += 1
                continue
            if line.strip():
                in_fields = False
            current.detail.append(line)
        elif section.startswith(
            ("summary", "zusammenfassung", "résumé", "resumen", "总结", "摘要")
        ):
            summary.append(line)
        i += 1
    close()
    answer.summary = "\n".join(summary).strip()
    answer.changes = "".join(d.rstrip("\n") + "\n" for d in diffs if d.strip())
    return answer


def unwrap_answer(markdown: str) -> str:
    """The answer without a fence around all of it (```markdown ... ```), else unchanged.

    Models that copy the prompt's example of the format wrap the whole answer; diffs inside
    such a wrapper use shorter fences or the same ones, so the wrapper is recognised by its
    first and last lines, not by matching fences.
    """
    lines = markdown.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return markdown
    fence = _FENCE.match(lines[first])
    if not fence or fence["info"].lower() not in {"markdown", "md", ""}:
        return markdown
    ticks = fence["ticks"]
    body = lines[first + 1 :]
    if not any(_HEADING.match(ln) for ln in body):
        return markdown  # a code block that happens to come first, not a wrapper
    last = next((j for j in range(len(body) - 1, -1, -1) if body[j].strip()), None)
    if last is not None and _closes(body[last], ticks):
        body = body[:last] + body[last + 1 :]
    return "\n".join(lines[:first] + body) + ("\n" if markdown.endswith("\n") else "")


def read_location(text: str) -> tuple[str, int | None, int | None] | None:
    """``(path, line, end_line)`` from the first location written in ``text``, any style."""
    reverse = _LINE_OF_PATH.search(text)
    best: tuple[int, tuple[str, int | None, int | None]] | None = None
    if reverse:
        end = int(reverse["end"]) if reverse["end"] else None
        best = (reverse.start(), (_clean_path(reverse["path"]), int(reverse["line"]), end))
    for m in _PATH_RE.finditer(text):
        if best is not None and m.start() > best[0]:
            break
        path = _clean_path(m["path"])
        if not _plausible_path(path):
            continue
        after = _AFTER_PATH.match(text, m.end())
        line = end_line = None
        if after:
            for key in ("", "2", "3", "4"):
                if after[f"line{key}"]:
                    line = int(after[f"line{key}"])
                    end_raw = after[f"end{key}"]
                    end_line = int(end_raw) if end_raw else None
                    break
        if best is None or m.start() < best[0] or (best[1][1] is None and line is not None):
            best = (m.start(), (path, line, end_line))
        if line is not None:
            break
    return best[1] if best else None


# ---- pieces ---------------------------------------------------------------------------------


def _fence_end(lines: list[str], start: int, ticks: str) -> tuple[int, bool]:
    """Index of the closing fence line (or the last line) and whether it closed."""
    for j in range(start + 1, len(lines)):
        if _closes(lines[j], ticks):
            return j, True
    return len(lines) - 1, False


def _closes(line: str, ticks: str) -> bool:
    """A closing fence: only the fence character, at least as many as opened."""
    stripped = line.strip()
    return len(stripped) >= len(ticks) and stripped == ticks[0] * len(stripped)


def _clean(text: str) -> str:
    """Heading text without bold/italic markers, numbering and leading symbols."""
    text = text.replace("**", "").replace("__", "").strip()
    text = re.sub(r"^(?:#?\d+[.):]?|[A-Z][.)])\s+", "", text)
    return text.strip(" *_")


def _is_section(text: str) -> bool:
    words = _clean(text).lower()
    return any(words.startswith(w) for w in _SECTION_WORDS)


def _is_findings(section: str) -> bool:
    return any(w in section for w in _FINDINGS_SECTIONS)


def _severity_word(word: str) -> str | None:
    return _SEVERITY_WORDS.get(word.strip(" *_`:").lower())


def _category_word(text: str) -> str:
    text = text.strip(" *_`").lower().replace("_", " ")
    if text in _CATEGORY_WORDS:
        return _CATEGORY_WORDS[text]
    for word in re.split(r"[\s/,&+]+", text):
        if word in _CATEGORY_WORDS:
            return _CATEGORY_WORDS[word]
    return "other"


def _finding_head(text: str, *, in_findings: bool, strict: bool = False) -> _Draft | None:
    """A finding from a heading or item's text, or None when it is not one.

    ``in_findings``: a sub-heading of a Findings section is a finding even without a severity
    (the fields below may carry it). ``strict``: a list item or bold line needs ``[severity]``.
    """
    raw = text.replace("**", "").replace("__", "").strip()
    emoji = next((_EMOJI_SEVERITY[ch] for ch in raw[:4] if ch in _EMOJI_SEVERITY), None)
    body = re.sub(r"^(?:#?\d+[.):]?\s+|[^\w\[(]+)+", "", raw).strip()  # numbering, emoji
    severity = category = None
    bracket = re.match(r"^\[\s*(?P<inside>[^\]]+?)\s*\]\s*(?P<rest>.*)$", body)
    if bracket:
        words = re.split(r"\s*[/|,:;·-]\s*|\s+", bracket["inside"])
        severity = _severity_word(words[0])
        if severity is None:
            return None  # "[WIP] ..." or a link: not a severity
        if len(words) > 1:
            category = _category_word(" ".join(words[1:]))
        body = bracket["rest"]
        # "[high][security] title"
        second = re.match(r"^\[\s*(?P<cat>[^\]]+?)\s*\]\s*(?P<rest>.*)$", body)
        if second:
            category, body = _category_word(second["cat"]), second["rest"]
    elif strict:
        return None
    else:
        bare = _BARE_SEVERITY.match(body)
        paren = re.search(r"[(\[]\s*(?P<sev>[^\W\d_]+)\s*(?:severity)?\s*[)\]]\s*$", body, re.I)
        inline = re.search(r"(?:severity|priority)\s*[:=]\s*(?P<sev>[^\W\d_]+)", body, re.I)
        if bare and _severity_word(bare["sev"]):
            severity, body = _severity_word(bare["sev"]), bare["rest"]
        elif paren and _severity_word(paren["sev"]):
            severity, body = _severity_word(paren["sev"]), body[: paren.start()].rstrip()
        elif inline and _severity_word(inline["sev"]):
            severity = _severity_word(inline["sev"])
            body = body[: inline.start()].rstrip(" —–-|,(")
        elif emoji is None and not in_findings:
            return None
    if category is None:
        cat = re.match(
            r"^(?P<cat>[A-Za-z][A-Za-z /_-]{1,24}?)\s*(?::|—|–|\s-\s)\s*(?P<rest>.+)$", body
        )
        known = cat is not None and _category_word(cat["cat"]) != "other"
        short = cat is not None and bracket is not None and len(cat["cat"].split()) <= 2
        if cat and ((known and (in_findings or severity is not None)) or short):
            category, body = _category_word(cat["cat"]), cat["rest"]
    draft = _Draft(title="", severity=severity or emoji, category=category)
    where = read_location(body)
    if where is not None and where[1] is not None:
        draft.file, draft.line, draft.end_line = where
        body = _strip_location(body)
    draft.title = body.strip().strip("*_").strip(" —–-:|").strip()
    return draft


def _strip_location(title: str) -> str:
    """The title without a trailing location (``— `views.py:42` ``, ``(views.py, line 3)``)."""
    m = _PATH_RE.search(title)
    if m is None:
        return title
    head = title[: m.start()].rstrip(" `'\"*(（[")
    head = re.sub(r"\s*(?:[—–|:-]|\bin|\bat|@)\s*$", "", head)
    return head if head.strip() else title


def _read_field(draft: _Draft, line: str) -> bool:
    """A ``Label: value`` line under the heading: True when it was a field (consumed)."""
    if not line.strip():
        return True  # blank lines between the heading and its fields
    m = _FIELD.match(line)
    if m is None:
        return False
    label = m["label"].strip(" *_`").lower()
    rest = m["rest"].strip()
    if label in _LOCATION_LABELS:
        draft.located = True
        where = read_location(rest)
        if where is not None:
            draft.file, draft.line, draft.end_line = where
        elif not _LOCATION_NONE.match(rest.strip("`* ")):
            path = rest.strip("`* ").split()[0] if rest.strip("`* ") else ""
            draft.file = path.removeprefix("./") if _PATH_RE.fullmatch(path) else draft.file
        return True
    if label in _LINE_LABELS:
        numbers = re.match(r"^\D{0,3}(\d+)(?:\s*[-–—]\s*(\d+))?", rest.strip("`* "))
        if numbers is None:
            return False
        if draft.line is None:
            draft.line = int(numbers[1])
            draft.end_line = int(numbers[2]) if numbers[2] else None
        return True
    if label in _SEVERITY_LABELS:
        word = re.split(r"[\s/(,]+", rest.strip("`*[] "))[0] if rest.strip("`*[] ") else ""
        severity = _severity_word(word) or next(
            (_EMOJI_SEVERITY[ch] for ch in rest if ch in _EMOJI_SEVERITY), None
        )
        if severity is None and rest:
            word = re.sub(r"^\W+", "", rest.strip("`*[] "))
            severity = _severity_word(re.split(r"[\s/(,]+", word)[0]) if word else None
        if severity is not None:
            draft.severity = severity
        return True
    if label in _CATEGORY_LABELS:
        draft.category = _category_word(rest)
        return True
    return False


def _table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """The rows of a markdown table starting at ``start`` (separator row dropped), and the
    index of the first line after it."""
    rows: list[list[str]] = []
    i = start
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
        if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            rows.append(cells)
        i += 1
    return rows, i


def _table_findings(rows: list[list[str]]) -> list[Finding]:
    """Findings from a table whose header names a severity or a location column."""
    if len(rows) < 2:
        return []
    header = [c.strip(" *_`").lower() for c in rows[0]]

    def column(labels: set[str]) -> int | None:
        return next((k for k, name in enumerate(header) if name in labels), None)

    sev, loc = column(_SEVERITY_LABELS), column(_LOCATION_LABELS)
    cat, title = column(_CATEGORY_LABELS), column(_TITLE_LABELS)
    if sev is None or loc is None:
        return []
    used = {sev, loc, cat}
    if title is None:
        title = next((k for k in range(len(header)) if k not in used and header[k] != "#"), None)
    found: list[Finding] = []
    for row in rows[1:]:
        cells = dict(enumerate(row))
        severity_text = re.sub(r"^\W+", "", cells.get(sev, ""))
        severity = _severity_word(severity_text.split(" ")[0]) if severity_text else None
        where = read_location(cells.get(loc, ""))
        found.append(
            Finding(
                severity=severity or "info",  # type: ignore[arg-type]
                category=_category_word(cells.get(cat, "")) if cat is not None else "other",
                title=cells.get(title, "").strip("*_ ") if title is not None else "",
                file=where[0] if where else None,
                line=where[1] if where else None,
                detail="",
                end_line=where[2] if where else None,
            )
        )
    return found


def _prose(lines: list[str]) -> list[str]:
    """Lines outside fenced code (a location is never read out of a code sample)."""
    out: list[str] = []
    ticks: str | None = None
    for line in lines:
        fence = _FENCE.match(line)
        if ticks is None and fence:
            ticks = fence["ticks"]
        elif ticks is not None and _closes(line, ticks):
            ticks = None
        elif ticks is None:
            out.append(line)
    return out


def _first_location(text: str) -> tuple[str, int | None, int | None] | None:
    where = read_location(text)
    return where if where is not None and where[1] is not None else None


def _clean_path(path: str) -> str:
    return path.strip().removeprefix("./").lstrip("/") if not path.startswith("/") else path


def _plausible_path(path: str) -> bool:
    """Not a version number, a domain or a dotted attribute mistaken for a file."""
    name = path.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    return bool(stem) and not stem.replace(".", "").isdigit()
