"""The one read-only :class:`Linker` per process that every request shares.

Opened on first use, not in :func:`web.create_app`: gunicorn may build the app in its master and fork workers,
and an SQLite connection must not cross a fork. The process id is remembered, so a forked child opens its own.
A missing gazetteer is not cached: once the operator builds it, the next request opens it without a restart.
"""
from __future__ import annotations

import os
import threading

from flask import Flask, current_app

from linker import GazetteerError, Linker

_KEY = "urdu_linker"


class GazetteerUnavailable(Exception):
    """The configured gazetteer cannot be opened; the message says why and how to fix it."""


class LinkerHolder:
    """Opens the gazetteer at ``path`` once per process, thread-safely."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._linker: Linker | None = None
        self._pid: int | None = None

    def get(self) -> Linker:
        pid = os.getpid()
        if self._linker is not None and self._pid == pid:
            return self._linker
        with self._lock:
            if self._linker is None or self._pid != pid:
                try:
                    self._linker = Linker.open(self.path)
                except GazetteerError as e:
                    raise GazetteerUnavailable(str(e)) from None
                self._pid = pid
            return self._linker


def init_app(app: Flask) -> None:
    app.extensions[_KEY] = LinkerHolder(app.config["GAZETTEER"])


def get_linker() -> Linker:
    """The process's Linker for the current app; raises :class:`GazetteerUnavailable`."""
    return current_app.extensions[_KEY].get()
