"""The architect: context, prompts, the LLM call, parsing and saving reviews.

Modules, one job each (import them directly; this package imports nothing, so the TUI's first
frame does not pay for ``anthropic``):

- ``model``: Review, Finding, Usage, ContextPiece, ReviewRequest and the streaming events
- ``prompts``: packaged prompts + the project's ``.architect/prompts/`` overrides
- ``session``: the review use case for both front doors (source, hints, request, stream)
- ``context``: ``build_request(project, selection, settings, lens=, ask=, history=, hints=)``
- ``used`` / ``related``: what a selection uses (trimmed classes, auth callbacks, registries)
- ``symbols``: names used by code -> their definitions in the project (ast, static)
- ``render``: the user message and the project overview from a request's pieces
- ``redact``: secret files, secret values -> «REDACTED:N», changes that touch them
- ``client``: the streaming Messages call, our visible retries, error classification
- ``engine``: ``run_review(request, settings)`` and ``Conversation`` (follow-ups, retry)
- ``parse``: the answer's findings (the styles real models write)
- ``changes``: the answer's proposed changes, through the extraction ``architect apply`` uses
- ``followup``: the code as it is now, for a follow-up after an apply
- ``pricing``: approximate cost per response and per session
- ``store``: ``.architect/reviews/`` save, list, load
- ``offline``: the same Review from local rules (no model)
"""
