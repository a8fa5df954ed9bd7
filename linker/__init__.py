"""Find foreign names in Urdu text, link them to Wikidata, transliterate Urdu <-> Latin."""
from .api import Candidate, Linker, Mention
from .normalize import NORMALISER_VERSION, Normalized, normalize
from .store import GazetteerError

__all__ = ["Candidate", "GazetteerError", "Linker", "Mention", "NORMALISER_VERSION", "Normalized", "normalize"]
