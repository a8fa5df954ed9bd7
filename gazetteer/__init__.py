"""Offline gazetteer build: sources -> records -> one SQLite file (see linker.store for the schema)."""
from .build import BuildStats, build
from .record import Entity

__all__ = ["BuildStats", "Entity", "build"]
