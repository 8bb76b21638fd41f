"""What a review is, whoever wrote it: the LLM architect or the offline rules.

Plain values only. The streaming API of the core is an async iterator of the event types below;
only ``ui/`` turns them into Textual messages.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from architect_tui.analysis.selection import Selection

# The scale lives with the rules (the lower layer); the review's findings use the same one.
from architect_tui.rules.severity import SEVERITIES as SEVERITIES
from architect_tui.rules.severity import FindingSeverity as FindingSeverity
from architect_tui.rules.severity import severity_rank as severity_rank

Category = Literal[
    "security", "rest", "database", "errors", "structure", "tests", "performance", "other"
]


@dataclass(slots=True)
class Finding:
    severity: FindingSeverity
    category: str
    title: str
    file: str | None
    line: int | None
    detail: str
    rule: str | None = None  # offline rule id ("AR101"), None for the LLM
    source: Literal["llm", "local"] = "llm"
    end_line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cache_creation_input_tokens + other.cache_creation_input_tokens,
            self.cache_read_input_tokens + other.cache_read_input_tokens,
        )


@dataclass(slots=True)
class Review:
    """A finished (or cut) review: the markdown as shown, what was found, what was proposed."""

    target: str
    model: str  # model id, or "offline" for the local rules
    lens: str
    markdown: str
    findings: list[Finding] = field(default_factory=list)
    changes: str = ""  # unified diff text of every proposed change
    usage: Usage | None = None
    incomplete: bool = False  # cut stream or max_tokens: the last change may be unfinished
    stop_reason: str | None = None
    source: Literal["llm", "local"] = "llm"
    # Proposed changes that touch a redacted line or would write a placeholder: never apply them.
    warnings: list[str] = field(default_factory=list)
    # The project files the model was shown (selection and related code): what ``apply`` may
    # treat as the review's scope.
    context_files: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``architect review --format json`` contract (DESIGN.md section 4)."""
        return {
            "target": self.target,
            "model": self.model,
            "lens": self.lens,
            "markdown": self.markdown,
            "findings": [f.to_json() for f in self.findings],
            "changes": self.changes,
            "usage": asdict(self.usage) if self.usage else {},
            "incomplete": self.incomplete,
            "stop_reason": self.stop_reason,
            "source": self.source,
            "warnings": list(self.warnings),
            "context_files": list(self.context_files),
        }


# ---- streaming events (core -> front ends) -------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class UsageUpdate:
    usage: Usage


@dataclass(frozen=True, slots=True)
class Waiting:
    """The server asked us to wait (429/529 with retry-after); shown as a countdown."""

    seconds: float
    reason: str


@dataclass(frozen=True, slots=True)
class Finished:
    review: Review


@dataclass(frozen=True, slots=True)
class Failed:
    """The review could not complete. ``partial`` keeps whatever text had arrived."""

    kind: str  # "no_key", "auth", "forbidden", "not_found", "too_large", "rate_limited",
    # "overloaded", "server", "connection", "timeout", "deadline", "cut", "refused", "cancelled"
    message: str  # one clear sentence for the user, with the way forward
    partial: Review | None = None
    retryable: bool = False


ReviewEvent = TextDelta | UsageUpdate | Waiting | Finished | Failed


# ---- the request (context builder -> client) ----------------------------------------------


@dataclass(slots=True)
class ContextPiece:
    """One block of context the reviewer sees; the UI lists these and lets the user toggle them.

    ``text`` is what is sent (already redacted, lines numbered ``NNN| code``). ``required``
    pieces (the selection, the route facts) cannot be turned off. ``score`` ranks optional
    pieces for the budget cut: higher is more relevant.
    """

    id: str
    title: str
    file: str | None
    start: int | None
    end: int | None
    tokens: int
    reason: str
    included: bool = True
    kind: str = "definition"  # selection | facts | definition | blueprint | hook | factory | config
    text: str = ""
    required: bool = False
    score: float = 0.0


@dataclass(slots=True)
class Redaction:
    """A likely secret replaced by ``placeholder`` before sending; ``line`` is 1-based."""

    placeholder: str
    file: str
    line: int
    kind: str  # "assignment", "url_credentials", "aws_key", "private_key", ...


@dataclass(slots=True)
class ReviewRequest:
    """Everything one review sends, before it is sent: inspectable, toggleable, re-renderable.

    ``system`` is the stable prompt (architect + project extensions); ``overview`` is the stable
    project block sent as a second cached system block; ``instructions`` (lens, ask) follow; the user message is rendered from the
    included ``pieces`` by ``architect_tui.review.context.render_user_message``.
    """

    target: str
    lens: str
    system: str
    overview: str
    pieces: list[ContextPiece]
    budget: int
    ask: str | None = None
    selection: Selection | None = None
    redactions: list[Redaction] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)  # secret-looking files never sent
    history: list[dict[str, Any]] = field(default_factory=list)  # earlier turns, API shape
    prompt_files: list[str] = field(default_factory=list)  # which prompt files were used
    # The project the answer's changes are read against (paths checked, SEARCH/REPLACE numbered);
    # None: the answer's ```diff text is kept as it was written.
    root: Path | None = None
    # What varies between reviews of one project (the lens addendum, ask.md): sent as a third,
    # uncached system block after the cached prompt and overview, so a new lens or a question
    # still reads those two from the prompt cache.
    instructions: str = ""
    # The request's redactor (review.redact.Redactor): a follow-up that sends code again keeps
    # the same placeholder numbers. Not part of the request's value.
    redactor: Any = field(default=None, repr=False, compare=False)

    @property
    def tokens(self) -> int:
        """Estimated tokens of what would be sent now (system, overview, included pieces)."""
        from architect_tui.review.tokens import estimate_tokens

        return (
            estimate_tokens(self.system)
            + estimate_tokens(self.overview)
            + estimate_tokens(self.instructions)
            + sum(p.tokens for p in self.pieces if p.included)
        )

    @property
    def redaction_count(self) -> int:
        """Distinct secrets replaced (a private key block counts once)."""
        return len({r.placeholder for r in self.redactions})

    def piece(self, piece_id: str) -> ContextPiece | None:
        return next((p for p in self.pieces if p.id == piece_id), None)

    def set_included(self, piece_id: str, included: bool) -> bool:
        """Toggle a piece; required pieces stay in. Returns whether the piece is now included."""
        piece = self.piece(piece_id)
        if piece is None:
            raise KeyError(piece_id)
        if not piece.required:
            piece.included = included
        return piece.included
