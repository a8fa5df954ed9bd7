"""The held-out evaluation split, by a hash of the QID: the learning script never trains on these entities,
and benchmarks (transliteration here, cross-script linking elsewhere) evaluate on exactly them."""
from __future__ import annotations

import hashlib

#: One entity in HELDOUT_MODULUS is held out.
HELDOUT_MODULUS = 10


def heldout(qid: str) -> bool:
    """True for the ~10 % of entities kept out of training (stable across runs and machines)."""
    return int(hashlib.sha1(qid.encode()).hexdigest()[:8], 16) % HELDOUT_MODULUS == 0


def dev(qid: str) -> bool:
    """A second ~10 % bucket, disjoint from :func:`heldout`, for tuning (trained on in the shipped model)."""
    return int(hashlib.sha1(qid.encode()).hexdigest()[:8], 16) % HELDOUT_MODULUS == 1
