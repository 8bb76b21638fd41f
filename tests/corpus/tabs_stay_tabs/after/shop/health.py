from flask import Blueprint, jsonify

bp = Blueprint("health", __name__)


@bp.route("/health")
def health():
	status = {"ok": True}
	if not status["ok"]:
		return jsonify(status), 503
	status["version"] = "1.0"
	return jsonify(status)
