"""Request parameters, checked once for the pages and the API: a clear 400/413, never a 5xx later."""
from __future__ import annotations

from collections.abc import Mapping

from flask import current_app
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

DIRECTIONS = ("latn", "urdu")


def _valid_unicode(value: str, name: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest(f"{name} is not valid Unicode (it contains a lone surrogate)") from None
    return value


def text(value: object, name: str = "text") -> str:
    """A text to link: a string of at most MAX_TEXT_CHARS characters."""
    if not isinstance(value, str):
        raise BadRequest(f"{name} must be a string")
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(value) > limit:
        raise RequestEntityTooLarge(f"{name} has {len(value):,} characters; the limit is {limit:,}")
    return _valid_unicode(value, name)


def query(args: Mapping[str, str], name: str = "q") -> str:
    """A required, non-blank name or phrase of at most MAX_QUERY_CHARS characters."""
    value = args.get(name, "")
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"parameter {name} is required")
    limit = current_app.config["MAX_QUERY_CHARS"]
    if len(value) > limit:
        raise RequestEntityTooLarge(f"{name} has {len(value):,} characters; the limit is {limit:,}")
    return _valid_unicode(value, name)


def count(args: Mapping[str, str], name: str, default: int, limit_key: str) -> int:
    """An integer parameter in 1..config[limit_key]."""
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    limit = current_app.config[limit_key]
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise BadRequest(f"{name} must be an integer from 1 to {limit}") from None
    if not 1 <= value <= limit:
        raise BadRequest(f"{name} must be an integer from 1 to {limit}")
    return value


def direction(args: Mapping[str, str], name: str = "to") -> str:
    """Target script of a transliteration: ``latn`` or ``urdu``."""
    value = args.get(name) or "latn"
    if value not in DIRECTIONS:
        raise BadRequest(f"{name} must be one of {', '.join(DIRECTIONS)}")
    return value
