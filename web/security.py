"""Response headers that limit what injected markup could do, should escaping ever fail.

The pages use no JavaScript at all, so scripts are refused outright; styles come only from /static.
"""
from __future__ import annotations

from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Lookup queries sit in the URL: do not hand them to wikidata.org when a result link is followed.
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class HTMLSafeJSONProvider(DefaultJSONProvider):
    """JSON with ``<``, ``>`` and ``&`` as \\u escapes: a payload stays inert even if a client pastes it into HTML.

    Those three characters can only occur inside JSON strings, where the escapes mean the same text.
    Urdu goes out as UTF-8, not \\u escapes: readable, and a third of the size.
    """

    ensure_ascii = False

    def dumps(self, obj, **kwargs) -> str:
        return super().dumps(obj, **kwargs).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.json = HTMLSafeJSONProvider(app)
    app.after_request(_add_headers)
