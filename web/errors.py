"""Errors as JSON under /api/ and /healthz, as a page elsewhere; never a traceback."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from .service import GazetteerUnavailable


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def _respond(status: int, title: str, message: str):
    if _wants_json():
        return jsonify(error=title, message=message, status=status), status
    return render_template("error.html", status=status, title=title, message=message), status


def _http_error(e: HTTPException):
    # Unhandled exceptions arrive here as InternalServerError (Flask has logged the traceback already).
    return _respond(e.code or 500, e.name, e.description or e.name)


def _gazetteer_unavailable(e: GazetteerUnavailable):
    return _respond(503, "Gazetteer unavailable", str(e))


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(GazetteerUnavailable, _gazetteer_unavailable)
