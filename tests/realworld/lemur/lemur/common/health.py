"""Reproduces Netflix/lemur lemur/common/health.py."""

from flask import Blueprint

mod = Blueprint("healthCheck", __name__)


@mod.route("/healthcheck")
def health():
    return "ok"
