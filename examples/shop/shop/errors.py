"""Application-wide error pages. Blueprint-specific handlers live with their blueprint."""

from flask import Flask, jsonify, render_template, render_template_string, request


def _wants_json() -> bool:
    """True for clients that ask for JSON only (browsers also accept HTML and get the page)."""
    accept = request.accept_mimetypes
    return accept.accept_json and not accept.accept_html


def register_error_handlers(app: Flask) -> None:
    """Attach the 404 page and the last-resort 500 handler to ``app``."""

    @app.errorhandler(404)
    def not_found(error):
        if _wants_json():
            return jsonify(error="not found"), 404
        return render_template_string(
            f"<h1>Page not found</h1><p>Sorry, there is nothing at {request.path}.</p>"
        ), 404

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("Unhandled error on %s", request.path)
        if _wants_json():
            return jsonify(error="internal server error"), 500
        return render_template("errors/500.html"), 500
