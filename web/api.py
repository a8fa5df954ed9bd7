"""JSON API: ``POST /api/link``, ``GET /api/lookup``, ``GET /api/transliterate``, ``GET /healthz``."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import BadRequest

from . import params
from .service import GazetteerUnavailable, get_linker

bp = Blueprint("api", __name__)


@bp.post("/api/link")
def link():
    """``{"text": ...}`` -> ``{"mentions": [...]}``, offsets into the text as sent."""
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        raise BadRequest('the body must be a JSON object such as {"text": "..."}')
    if "text" not in body:
        raise BadRequest('the JSON object needs a "text" field')
    text = params.text(body["text"])
    return jsonify(mentions=[m.to_dict() for m in get_linker().link(text)])


@bp.get("/api/lookup")
def lookup():
    q = params.query(request.args)
    k = params.count(request.args, "k", 10, "MAX_K")
    return jsonify(q=q, k=k, candidates=[c.to_dict() for c in get_linker().lookup(q, k=k)])


@bp.get("/api/transliterate")
def transliterate():
    q = params.query(request.args)
    to = params.direction(request.args)
    n = params.count(request.args, "n", 1, "MAX_N")
    spellings = get_linker().transliterate(q, to=to, n=n)
    return jsonify(q=q, to=to, n=n, results=[{"rank": r, "text": s} for r, s in enumerate(spellings, 1)])


@bp.get("/healthz")
def healthz():
    """200 with the gazetteer's build metadata, or 503 with the reason it cannot be opened."""
    path = current_app.config["GAZETTEER"]
    try:
        meta = get_linker().meta
    except GazetteerUnavailable as e:
        return jsonify(status="unavailable", gazetteer={"path": path}, message=str(e)), 503
    return jsonify(status="ok", gazetteer={"path": path, **meta})
