"""Flask web UI and JSON API over :class:`linker.Linker`: an app factory and thin views, no matching logic."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from linker.store import default_path

from . import api, errors, pages, security, service

#: Request limits; override in the instance ``config.py`` or the mapping given to :func:`create_app`.
DEFAULTS: dict[str, Any] = {
    "MAX_TEXT_CHARS": 100_000,       # /api/link and the / form: longer texts get 413
    "MAX_QUERY_CHARS": 1_000,        # q of lookup / transliterate
    "MAX_K": 50,                     # candidates per lookup
    "MAX_N": 50,                     # spellings per transliteration
    # Request bodies: 100,000 characters stay under this even as JSON \\uXXXX escapes or a percent-encoded form.
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "MAX_FORM_MEMORY_SIZE": 2 * 1024 * 1024,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` (tests, ``urdu-link serve``) replaces the instance folder's ``config.py``.

    ``GAZETTEER`` is the gazetteer file; by default ``$URDU_LINKER_GAZETTEER``, then the per-user path.
    The file is opened lazily, once per process (see :mod:`web.service`), so forking servers stay safe.
    """
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    if config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(config)
    if not app.config.get("GAZETTEER"):
        app.config["GAZETTEER"] = str(default_path())

    service.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    return app
