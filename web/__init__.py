"""Flask web UI and JSON API over :class:`linker.Linker` (see issue 5)."""
