"""The learned transliteration model: each unit of a word (see :mod:`.chunks`) becomes a string of the other
script, chosen by the unit and its neighbours; an n-best list is the k best combinations, rescored with a
character n-gram model of names in the target script.

Probabilities are Witten-Bell interpolations over a chain of contexts, from the unit with two neighbours on
each side down to the unit alone, so rare contexts back off smoothly. The counts come from
``tools/learn_translit.py`` (EM alignment of Latin/Urdu name pairs) and live in ``linker/data``.
"""
from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

#: Context chain, most specific first: offsets of the neighbouring units that make up each context key.
#: Nested, so the most specific context seen in training determines the whole chain below it.
LEVELS: tuple[tuple[int, ...], ...] = ((-2, -1, 0, 1, 2), (-1, 0, 1, 2), (-1, 0, 1), (0, 1), (0,))
BOS, EOS = "^", "$"
#: The graphone (unit -> output) n-gram model codes each graphone as one private-use character.
JOINT_BASE, JOINT_VOCAB, JOINT_OOV, JOINT_ORDER = 0xE000, 6000, "\uf8ff", 3
#: Outputs less likely than this fraction of a unit's best output are not considered.
PRUNE = 0.02
#: Weight of the less specific context in the Witten-Bell interpolation (1 = classic Witten-Bell).
SMOOTH = 2.0


def context_keys(units: Sequence[str], i: int) -> list[str]:
    """The context key of unit ``i`` at every level of :data:`LEVELS`."""
    padded = [BOS, BOS, *units, EOS, EOS]
    return [_key(padded, i, level) for level in LEVELS]


def _key(padded: list[str], i: int, level: tuple[int, ...]) -> str:
    return "\t".join(padded[i + 2 + level[0]:i + 3 + level[-1]])


class _Table:
    """Counts per context with their totals (N) and number of distinct outcomes (T)."""

    __slots__ = ("counts", "stats")

    def __init__(self, counts: dict[str, dict[str, int]]):
        self.counts = counts
        self.counts = {k: v for k, v in counts.items() if v}
        self.stats = {k: (sum(v.values()), len(v)) for k, v in self.counts.items()}


class UnitModel:
    """P(output | unit in context) for one direction."""

    def __init__(self, levels: list[dict[str, dict[str, int]]], max_outputs: int = 8):
        self.levels = [_Table(t) for t in levels]
        base = self.levels[-1]
        # candidate outputs of a unit: the most frequent ones seen for it anywhere
        self.support = {k: sorted(v, key=v.get, reverse=True)[:max_outputs] for k, v in base.counts.items()}
        self._cache: dict[tuple[int, str], list[tuple[str, float]]] = {}
        self._window: dict[tuple[str, ...], list[tuple[str, float]]] = {}  # by the five units around one

    def distribution(self, keys: list[str]) -> list[tuple[str, float]]:
        """(output, log-probability) best first for one unit, given its context keys (see LEVELS)."""
        for top, (table, key) in enumerate(zip(self.levels, keys)):
            if key in table.stats:
                break
        else:
            return []
        memo = self._cache.get((top, key))
        if memo is not None:
            return memo
        outs = self.support.get(keys[-1], ())
        chain = [(self.levels[i].counts[k], *self.levels[i].stats[k])
                 for i, k in enumerate(keys) if i >= top and k in self.levels[i].stats][::-1]
        probs = {}
        for o in outs:
            counts, n, t = chain[0]
            p = counts.get(o, 0) / n
            for counts, n, t in chain[1:]:
                p = (counts.get(o, 0) + SMOOTH * t * p) / (n + SMOOTH * t)
            probs[o] = p
        total = sum(probs.values()) or 1.0
        best = max(probs.values(), default=0.0)
        dist = sorted(((o, math.log(p / total)) for o, p in probs.items() if p > best * PRUNE),
                      key=lambda x: -x[1])
        if len(self._cache) < 500_000:
            self._cache[(top, key)] = dist
        return dist

    def nbest(self, units: Sequence[str], k: int, beam: int = 3) -> list[tuple[tuple[str, ...], float]]:
        """The ``k`` best output sequences (one output per unit) with their log scores, best first."""
        padded = [BOS, BOS, *units, EOS, EOS]
        hyps: list[tuple[tuple[str, ...], float]] = [((), 0.0)]
        window = self._window
        for i in range(len(units)):
            w = tuple(padded[i:i + 5])
            d = window.get(w)
            if d is None:
                d = self.distribution([_key(padded, i, level) for level in LEVELS]) or [(units[i], 0.0)]
                if len(window) < 500_000:
                    window[w] = d
            if len(d) == 1:
                o, s = d[0]
                hyps = [((*h, o), hs + s) for h, hs in hyps]
                continue
            hyps = heapq.nlargest(k, (((*h, o), hs + s) for h, hs in hyps for o, s in d[:beam]),
                                  key=lambda x: x[1])
        return hyps


class JointLM:
    """P(graphone sequence) of one direction: a trigram model over (unit, output) pairs."""

    def __init__(self, vocab: list[list[str]], counts: dict[str, dict[str, int]]):
        self.code = {tuple(g): chr(JOINT_BASE + i) for i, g in enumerate(vocab)}
        self.lm = CharLM(JOINT_ORDER, counts)

    def logprob(self, units: Sequence[str], outs: Sequence[str]) -> float:
        code = self.code
        return self.lm.logprob("".join(code.get(g, JOINT_OOV) for g in zip(units, outs)))


class CharLM:
    """Character n-gram model of words of one script (Witten-Bell interpolated), for rescoring.

    Stored as counts; turned at load time into back-off form (log P for seen n-grams, a back-off weight
    per context) so that scoring a word costs one or two dictionary look-ups per character.
    """

    def __init__(self, order: int, counts: dict[str, dict[str, int]]):
        self.order = order
        self._memo: dict[str, float] = {}
        table = _Table(counts)
        self.floor = math.log(1.0 / (len(table.counts.get("", {})) + 1))
        self.logp: dict[str, dict[str, float]] = {}
        self.backoff: dict[str, float] = {}
        for ctx in sorted(table.counts, key=len):
            n, t = table.stats[ctx]
            self.backoff[ctx] = math.log(t / (n + t))
            self.logp[ctx] = {ch: math.log((c + t * math.exp(self._score(ctx[1:], ch) if ctx else self.floor))
                                           / (n + t)) if ctx else math.log((c + t * math.exp(self.floor)) / (n + t))
                              for ch, c in table.counts[ctx].items()}

    def _score(self, ctx: str, ch: str) -> float:
        """log P(ch | ctx) in back-off form."""
        total = 0.0
        while True:
            seen = self.logp.get(ctx)
            if seen is not None:
                lp = seen.get(ch)
                if lp is not None:
                    return total + lp
                total += self.backoff[ctx]
            if not ctx:
                return total + self.floor
            ctx = ctx[1:]

    def logprob(self, word: str) -> float:
        """log P(word) with begin/end marks (n-gram scores memoised: candidates share most of them)."""
        text = BOS * (self.order - 1) + word + EOS
        k = self.order - 1
        memo = self._memo
        total = 0.0
        for i in range(k, len(text)):
            gram = text[i - k:i + 1]
            lp = memo.get(gram)
            if lp is None:
                lp = memo[gram] = self._score(gram[:-1], gram[-1]) if len(memo) < 1_000_000 else \
                    self._score(gram[:-1], gram[-1])
            total += lp
        return total
