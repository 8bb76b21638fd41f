"""View decorators for session-based authentication."""

import functools

from flask import flash, g, redirect, request, url_for


def login_required(view):
    """Send anonymous users to the sign-in page and bring them back afterwards."""

    @functools.wraps(view)
    def wrapped_view(*args, **kwargs):
        if g.get("user") is None:
            flash("Please sign in first.", "info")
            return redirect(url_for("auth.login_form", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped_view
