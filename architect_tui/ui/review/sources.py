"""Event sources for the panel built from plain synchronous core calls.

The offline reviewer is a plain function (LibCST over the project: CPU work that would freeze the
UI on the event loop), so it runs in a thread and its ``Review`` arrives as ``Finished``. The
panel then treats it exactly like a streamed LLM answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from architect_tui.review.model import Failed, Finished, Review, ReviewEvent


def threaded_review(make: Callable[[], Review]) -> Callable[[], AsyncIterator[ReviewEvent]]:
    """A replayable source (``r`` retries it) that runs ``make`` in a thread.

    An exception becomes a ``Failed`` with its message, never a traceback on screen.
    """

    async def events() -> AsyncIterator[ReviewEvent]:
        try:
            review = await asyncio.to_thread(make)
        except Exception as error:
            yield Failed(
                "error",
                f"The offline review failed: {type(error).__name__}: {error}",
                None,
                retryable=True,
            )
            return
        yield Finished(review)

    return events
